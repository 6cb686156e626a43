package vn.hocba.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import vn.hocba.agent.PairedOrigins;
import vn.hocba.agent.PersonPrompt;
import vn.hocba.agent.ScriptedPrompt;
import vn.hocba.agent.SigningAgent;
import vn.hocba.agent.TokenKeys;
import vn.hocba.agent.TokenModules;

/**
 * {@code agent [--port N] [--pkcs11 MODULE]... [--pkcs12 FILE.p12]... [--home DIR]}: the local
 * signing agent on the person's PC (README "Ký số bằng USB token"); runs until stopped.
 */
final class AgentCommand implements Subcommand {

    @Override
    public String name() {
        return "agent";
    }

    @Override
    public String usage() {
        return "agent [--port 17365] [--pkcs11 MODULE]... [--pkcs12 FILE.p12]...  phần mềm ký số trên máy của người ký";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        int port = SigningAgent.DEFAULT_PORT;
        List<Path> modules = new ArrayList<>();
        TokenKeys keys = new TokenKeys();
        Path home = Path.of(System.getProperty("user.home"), ".hocba-agent");
        Path answers = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String value = i + 1 < args.size() ? args.get(i + 1) : null;
            if (value == null) {
                err.println("Thiếu giá trị sau " + arg + ". Cách dùng: java -jar hocba.jar " + usage());
                return 2;
            }
            i++;
            switch (arg) {
                case "--port" -> port = Integer.parseInt(value);
                case "--pkcs11" -> modules.add(Path.of(value));
                case "--pkcs12" -> keys.withPkcs12(Path.of(value));
                case "--home" -> home = Path.of(value);
                case "--test-answers" -> answers = Path.of(value);
                default -> {
                    err.println("Tham số không hợp lệ: " + arg + ". Cách dùng: java -jar hocba.jar " + usage());
                    return 2;
                }
            }
        }
        (modules.isEmpty() ? TokenModules.installed() : modules).forEach(m -> keys.withPkcs11(m, 2));
        PersonPrompt prompt;
        if (answers != null) {
            err.println("CẢNH BÁO: chế độ kiểm thử, mã PIN và xác nhận đọc từ " + answers + "; không dùng với thiết bị thật.");
            prompt = new ScriptedPrompt(answers);
        } else if (System.console() != null) {
            prompt = new vn.hocba.agent.ConsolePrompt(System.console());
        } else {
            err.println("Phần mềm ký số cần một cửa sổ dòng lệnh để hỏi mã PIN; hãy chạy từ cửa sổ lệnh (cmd).");
            return 2;
        }
        try (SigningAgent agent = SigningAgent.start(port, new PairedOrigins(home.resolve("paired-origins.txt")), keys,
                prompt)) {
            out.println("Phần mềm ký số HocBa đang chạy tại http://127.0.0.1:" + agent.port()
                    + " (chỉ nhận yêu cầu từ máy này). Đóng cửa sổ hoặc Ctrl+C để dừng.");
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
            return 0;
        } catch (IOException e) {
            err.println("Không mở được cổng " + port + " trên 127.0.0.1: " + e.getMessage()
                    + " (phần mềm ký số đã chạy rồi?).");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
