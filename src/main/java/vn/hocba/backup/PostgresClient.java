package vn.hocba.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's own client programs ({@code pg_dump}, {@code pg_restore}) run as child processes,
 * the password passed in the environment ({@code PGPASSWORD}), never on the command line. They come
 * from {@code binDirectory} when given, else from the {@code PATH} (Debian/Ubuntu:
 * {@code apt-get install postgresql-client}).
 */
final class PostgresClient {

    private static final Pattern VERSION = Pattern.compile("\\) (\\d+)");

    private final Path binDirectory;
    private final PostgresAddress address;

    PostgresClient(Path binDirectory, PostgresAddress address) {
        this.binDirectory = binDirectory;
        this.address = address;
    }

    /** The major version of {@code program} ({@code pg_dump (PostgreSQL) 15.18} → 15). */
    int majorVersion(String program) throws IOException {
        String out = run(List.of(command(program), "--version"));
        Matcher m = VERSION.matcher(out);
        if (!m.find()) {
            throw new IOException("Không đọc được phiên bản của " + program + ": " + out.strip());
        }
        return Integer.parseInt(m.group(1));
    }

    /** Runs {@code program} with the connection options and {@code arguments}; its standard error in the failure. */
    String run(String program, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(command(program), "--host=" + address.host(),
                "--port=" + address.port(), "--username=" + address.user(), "--no-password"));
        command.addAll(arguments);
        return run(command);
    }

    private String run(List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (address.password() != null) {
            builder.environment().put("PGPASSWORD", address.password());
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IOException("Không chạy được " + command.get(0) + " (cần gói postgresql-client cùng phiên bản "
                    + "chính với máy chủ hoặc mới hơn; đặt HOCBA_BACKUP_POSTGRESQL_BIN nếu nó ở nơi khác).", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (process.waitFor() != 0) {
                throw new IOException(command.get(0) + " thất bại (mã " + process.exitValue() + "): " + output.strip());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(command.get(0) + " bị ngắt", e);
        }
        return output;
    }

    private String command(String program) {
        return binDirectory == null ? program : binDirectory.resolve(program).toString();
    }
}
