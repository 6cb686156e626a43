package vn.hocba.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import vn.hocba.backup.BackupSummary;
import vn.hocba.backup.InstallationBackup;

/**
 * {@code backup --out FILE [--include-keys]}: the database and the data directory's documents,
 * signed files, export packages and audit checkpoints in one zip with a SHA-256 manifest (see
 * {@link vn.hocba.backup}). Keys only with {@code --include-keys}.
 */
public final class BackupCommand implements Subcommand {

    @Override
    public String name() {
        return "backup";
    }

    @Override
    public String usage() {
        return "backup --out FILE.zip [--include-keys] [--spring.datasource.url=…]   database + documents, signed files, "
                + "exports, audit checkpoints, with a SHA-256 manifest (keys only when asked)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        int at = args.indexOf("--out");
        if (at < 0 || at + 1 >= args.size()) {
            err.println("Usage: java -jar hocba.jar " + usage());
            return 2;
        }
        Path file = Path.of(args.get(at + 1)).toAbsolutePath();
        boolean keys = args.contains("--include-keys");
        List<String> options = args.stream().filter(a -> a.startsWith("--") && !a.equals("--out")
                && !a.equals("--include-keys")).toList();
        try {
            BackupSettings settings = BackupSettings.read(options);
            long started = System.nanoTime();
            BackupSummary summary = new InstallationBackup(settings.database(), settings.files(), Clock.systemUTC())
                    .write(file, keys);
            out.println("Đã sao lưu vào " + summary.file() + " (" + summary.manifest().entries().size() + " mục, "
                    + summary.bytes() / 1024 + " KiB, " + (System.nanoTime() - started) / 1_000_000 + " ms): cơ sở dữ liệu "
                    + summary.manifest().database() + " đến mục kiểm toán " + summary.manifest().auditHead() + ", tệp "
                    + summary.perArea() + (keys ? ", CÓ khoá — giữ bản này như giữ khoá." : ", không có khoá."));
            summary.notes().forEach(n -> out.println("  - " + n));
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("Không sao lưu được: " + e.getMessage());
            return 1;
        }
    }
}
