package vn.hocba.cli;

import java.io.PrintStream;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import vn.hocba.audit.AuditVerification;
import vn.hocba.audit.AuditVerifier;

/**
 * {@code audit verify}: checks the audit log's hash chain in the configured database (the same
 * settings as the server: HOCBA_DATA_DIR, SPRING_DATASOURCE_*, or --key=value options).
 * Exit 0 when intact, 1 with the first broken link otherwise.
 */
public final class AuditCommand implements Subcommand {

    private final Class<?> application;

    /** The command as the jar runs it, with the application given to {@link CommandLine#run}. */
    public AuditCommand() {
        this(null);
    }

    /** The command for {@code application} (tests). */
    public AuditCommand(Class<?> application) {
        this.application = application;
    }

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public String usage() {
        return "audit verify [--spring.datasource.url=…]   check the audit log's hash chain";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || !args.get(0).equals("verify")) {
            err.println("Usage: java -jar hocba.jar " + usage());
            return 2;
        }
        try (ConfigurableApplicationContext context = OfflineApplication.start(
                application != null ? application : CommandLine.application(), args.subList(1, args.size()))) {
            AuditVerification result = context.getBean(AuditVerifier.class).verify();
            if (result.intact()) {
                out.println("Nhật kí kiểm toán nguyên vẹn: " + result.entriesChecked() + " mục, chuỗi băm khớp.");
                return 0;
            }
            err.println("Nhật kí kiểm toán KHÔNG nguyên vẹn tại mục " + result.firstBrokenEntry() + ": " + result.problem());
            err.println("(" + result.entriesChecked() + " mục trước đó khớp.)");
            return 1;
        }
    }
}
