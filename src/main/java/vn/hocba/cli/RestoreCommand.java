package vn.hocba.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import vn.hocba.backup.BackupSummary;
import vn.hocba.backup.InstallationRestore;
import vn.hocba.common.Rejected;

/**
 * {@code restore FILE}: a backup made by {@link BackupCommand} into an empty installation (the
 * configured database without tables, the data directory without documents); anything else is
 * refused and nothing is written.
 */
public final class RestoreCommand implements Subcommand {

    @Override
    public String name() {
        return "restore";
    }

    @Override
    public String usage() {
        return "restore FILE.zip [--spring.datasource.url=…]   a backup into an EMPTY installation (then "
                + "`audit verify`)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> words = args.stream().filter(a -> !a.startsWith("--")).toList();
        if (words.size() != 1) {
            err.println("Usage: java -jar hocba.jar " + usage());
            return 2;
        }
        Path file = Path.of(words.get(0)).toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            err.println("Không có tệp sao lưu " + file + ".");
            return 2;
        }
        try {
            BackupSettings settings = BackupSettings.read(args.stream().filter(a -> a.startsWith("--")).toList());
            BackupSummary summary = new InstallationRestore(settings.database(), settings.files()).restore(file);
            out.println("Đã khôi phục " + file + " (sao lưu lúc " + summary.manifest().created() + "): cơ sở dữ liệu "
                    + summary.manifest().database() + " đến mục kiểm toán " + summary.manifest().auditHead() + ", tệp "
                    + summary.perArea() + ". Kiểm tra: java -jar hocba.jar audit verify");
            return 0;
        } catch (Rejected e) {
            err.println(e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println("Không khôi phục được: " + e.getMessage());
            return 1;
        }
    }
}
