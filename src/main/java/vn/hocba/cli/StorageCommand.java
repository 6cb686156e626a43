package vn.hocba.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import vn.hocba.storage.FileSystemObjectStore;
import vn.hocba.storage.ObjectStore;
import vn.hocba.storage.StorageMigration;
import vn.hocba.storage.StorageSettings;

/**
 * {@code storage migrate --to s3}: copies the installation's documents (issued documents, signed
 * revisions, export packages, audit checkpoints) from the data directory to the S3 bucket of
 * {@code --hocba.storage.endpoint=… --hocba.storage.bucket=…} (or HOCBA_STORAGE_ENDPOINT, _BUCKET,
 * _REGION; credentials only from HOCBA_STORAGE_ACCESS_KEY / _SECRET_KEY) and verifies every object's
 * SHA-256 by reading it back. No database and no web server; key material is never copied.
 */
public final class StorageCommand implements Subcommand {

    private final UnaryOperator<String> environment;

    public StorageCommand() {
        this(System::getenv);
    }

    /** The command with its environment (tests). */
    public StorageCommand(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    @Override
    public String name() {
        return "storage";
    }

    @Override
    public String usage() {
        return "storage migrate --to s3 [--hocba.storage.endpoint=URL --hocba.storage.bucket=NAME …]   copy the data "
                + "directory's documents to the bucket and verify every hash";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() < 3 || !args.get(0).equals("migrate") || !args.get(1).equals("--to") || !args.get(2).equals("s3")) {
            err.println("Usage: java -jar hocba.jar " + usage());
            return 2;
        }
        Map<String, String> options = options(args.subList(3, args.size()));
        Path dataDir = Path.of(options.getOrDefault("hocba.data-dir", or(environment.apply("HOCBA_DATA_DIR"), "./data")));
        ObjectStore target;
        try {
            target = StorageSettings.open("s3", dataDir, setting(options, "endpoint"), setting(options, "bucket"),
                    setting(options, "region"), !"false".equals(setting(options, "path-style")), environment);
        } catch (IllegalStateException e) {
            err.println("Không mở được kho đối tượng: " + e.getMessage());
            return 1;
        }
        ObjectStore source = new FileSystemObjectStore(dataDir);
        out.println("Chép tài liệu từ " + source.describe() + " sang " + target.describe() + " …");
        StorageMigration.Report report = StorageMigration.migrate(source, target, out);
        out.println("Đã chép " + report.copied() + " tệp, " + report.alreadyThere() + " tệp đã có sẵn; mọi tệp đã được "
                + "đọc lại từ kho đích và đối chiếu SHA-256" + (report.complete() ? ": khớp hết." : "."));
        if (!report.complete()) {
            err.println(report.failures().size() + " tệp KHÔNG khớp hoặc không chép được:");
            report.failures().forEach(f -> err.println("  - " + f));
            return 1;
        }
        out.println("Đặt hocba.storage.type=s3 (cùng endpoint, bucket) cho mọi máy chủ rồi khởi động lại.");
        return 0;
    }

    private String setting(Map<String, String> options, String name) {
        String value = options.get("hocba.storage." + name);
        return value != null ? value : environment.apply("HOCBA_STORAGE_" + name.toUpperCase().replace('-', '_'));
    }

    private static Map<String, String> options(List<String> args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 2) {
                options.put(arg.substring(2, eq), arg.substring(eq + 1));
            }
        }
        return options;
    }

    private static String or(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }
}
