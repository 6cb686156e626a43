package vn.hocba.cli;

import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ConfigurableApplicationContext;
import vn.hocba.audit.AuditCheckpoint;
import vn.hocba.audit.AuditCheckpoints;
import vn.hocba.audit.AuditVerification;
import vn.hocba.audit.AuditVerifier;

/**
 * {@code audit verify}: checks the audit log's hash chain in the configured database (the same
 * settings as the server: HOCBA_DATA_DIR, SPRING_DATASOURCE_*, or --key=value options) and against
 * the signed checkpoints under the data directory. Exit 0 when intact, 1 with the first broken link
 * and every difference from the checkpoints otherwise. {@code audit checkpoint} anchors the head now.
 */
public final class AuditCommand implements Subcommand {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

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
        return "audit verify|checkpoint [--spring.datasource.url=…]   check the audit log's hash chain against its "
                + "checkpoints | anchor its head now";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || !List.of("verify", "checkpoint").contains(args.get(0))) {
            err.println("Usage: java -jar hocba.jar " + usage());
            return 2;
        }
        try (ConfigurableApplicationContext context = OfflineApplication.start(
                application != null ? application : CommandLine.application(), args.subList(1, args.size()))) {
            return args.get(0).equals("verify") ? verify(context, out, err) : checkpoint(context, out);
        }
    }

    private static int verify(ConfigurableApplicationContext context, PrintStream out, PrintStream err) {
        AuditVerification result = context.getBean(AuditVerifier.class).verify();
        if (result.intact()) {
            out.println("Nhật ký kiểm toán nguyên vẹn: " + result.entriesChecked() + " mục, chuỗi băm khớp.");
            out.println(result.checkpointsChecked() == 0 ? "Chưa có mốc kiểm toán nào ngoài cơ sở dữ liệu để đối chiếu."
                    : "Khớp với " + result.checkpointsChecked() + " mốc kiểm toán đã ký số (mốc mới nhất: đến mục "
                            + result.lastCheckpointEntry() + ", lúc " + TIME.format(result.lastCheckpointTime()) + ").");
            return 0;
        }
        err.println("Nhật ký kiểm toán KHÔNG nguyên vẹn tại mục " + result.firstBrokenEntry() + ": " + result.problem());
        err.println("(" + result.entriesChecked() + " mục trước đó khớp.)");
        if (!result.findings().isEmpty()) {
            err.println("Đối chiếu với " + result.checkpointsChecked() + " mốc kiểm toán đã ký số:");
            result.findings().forEach(f -> err.println("  - " + f));
        }
        return 1;
    }

    private static int checkpoint(ConfigurableApplicationContext context, PrintStream out) {
        Optional<AuditCheckpoint> made = context.getBean(AuditCheckpoints.class).anchorNow("dòng lệnh");
        out.println(made.map(c -> "Đã lập mốc kiểm toán đến mục " + c.entryId() + " (" + c.entries() + " mục) lúc "
                + TIME.format(c.time()) + ": " + c.location())
                .orElse("Đầu chuỗi không đổi từ mốc gần nhất (hoặc nhật ký trống): không lập mốc mới."));
        return 0;
    }
}
