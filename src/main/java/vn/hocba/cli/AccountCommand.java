package vn.hocba.cli;

import java.io.PrintStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ConfigurableApplicationContext;
import vn.hocba.audit.Actor;
import vn.hocba.common.Rejected;
import vn.hocba.security.Accounts;
import vn.hocba.security.Role;

/**
 * {@code account create USERNAME "Full Name" ROLE…}: the first accounts of a new installation
 * (the admin board then creates the others through the API). The password is read from the
 * environment variable HOCBA_ACCOUNT_PASSWORD, never from the command line (it would stay in the
 * shell history).
 */
public final class AccountCommand implements Subcommand {

    private final Class<?> application;

    public AccountCommand() {
        this(null);
    }

    public AccountCommand(Class<?> application) {
        this.application = application;
    }

    @Override
    public String name() {
        return "account";
    }

    @Override
    public String usage() {
        return "account create USERNAME \"Họ tên\" ROLE... [--spring.datasource.url=…]   first accounts (password from HOCBA_ACCOUNT_PASSWORD)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> words = args.stream().filter(a -> !a.startsWith("--")).toList();
        if (words.size() < 4 || !words.get(0).equals("create")) {
            err.println("Usage: java -jar hocba.jar " + usage());
            return 2;
        }
        String password = System.getenv("HOCBA_ACCOUNT_PASSWORD");
        if (password == null) {
            err.println("Đặt mật khẩu vào biến môi trường HOCBA_ACCOUNT_PASSWORD rồi chạy lại.");
            return 2;
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        try {
            words.subList(3, words.size()).forEach(r -> roles.add(Role.valueOf(r)));
        } catch (IllegalArgumentException e) {
            err.println("Vai trò không hợp lệ; chọn trong: PRINCIPAL, VICE_PRINCIPAL, ADMIN_BOARD, DEPARTMENT_HEAD, CLERK.");
            return 2;
        }
        List<String> options = args.stream().filter(a -> a.startsWith("--")).toList();
        try (ConfigurableApplicationContext context = OfflineApplication.start(
                application != null ? application : CommandLine.application(), options)) {
            context.getBean(Accounts.class).create(words.get(1), password, words.get(2), null, roles, Actor.system("cli"));
            out.println("Đã tạo tài khoản " + words.get(1) + " " + roles + ".");
            return 0;
        } catch (Rejected e) {
            err.println(e.getMessage());
            return 1;
        }
    }
}
