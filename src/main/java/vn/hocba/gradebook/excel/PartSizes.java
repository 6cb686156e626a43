package vn.hocba.gradebook.excel;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import vn.hocba.common.Rejected;

/**
 * The check of a zip's central directory against {@link XlsxLimits}, before any part is inflated:
 * how many parts, how large each says it inflates, the total, and how well it compresses (a zip
 * bomb compresses a thousand to one; a sheet, some ten to one).
 */
final class PartSizes {

    private PartSizes() {
    }

    /**
     * Refuses the file when a limit is passed; {@code describe} names a part for the user (a sheet by
     * its tab name), {@code file} names the file ("Tệp “toan.xlsx”").
     */
    static void check(List<ZipArchiveEntry> entries, XlsxLimits limits, String file, UnaryOperator<String> describe) {
        if (entries.size() > limits.maxParts()) {
            throw Rejected.invalid(file + " có " + entries.size() + " phần nén bên trong, vượt giới hạn " + limits.maxParts()
                    + " của một bảng tính. Hãy xoá các trang tính, hình ảnh không cần thiết.");
        }
        long total = 0;
        for (ZipArchiveEntry e : entries) {
            long size = e.getSize();
            long packed = e.getCompressedSize();
            if (size > XlsxLimits.RATIO_GRACE_BYTES && packed >= 0 && (double) packed / size < limits.minInflateRatio()) {
                throw Rejected.invalid(file + " có nội dung nén bất thường (nghi là \"zip bomb\"): " + describe.apply(e.getName())
                        + " nén " + Math.max(1, packed / 1024) + " KB nhưng giải nén ra " + megabytes(size) + " (tỉ lệ "
                        + size / Math.max(1, packed) + ":1) nên không được mở.");
            }
            if (size > limits.maxPartBytes()) {
                throw tooLarge(file, describe.apply(e.getName()), size, limits);
            }
            total += Math.max(0, size);
        }
        if (total > limits.maxTotalBytes()) {
            throw Rejected.invalid(file + " giải nén ra tổng cộng " + megabytes(total) + ", vượt giới hạn "
                    + megabytes(limits.maxTotalBytes()) + " cho một tệp tải lên. Một bảng điểm lớp chỉ vài trăm KB: hãy xoá các "
                    + "trang tính, hình ảnh không cần thiết.");
        }
    }

    /** The refusal of a part that inflates beyond the part limit ({@code size} -1 when only counting found it out). */
    static Rejected tooLarge(String file, String part, long size, XlsxLimits limits) {
        return Rejected.invalid(file + ": " + part + " giải nén ra " + (size < 0 ? "hơn " + megabytes(limits.maxPartBytes())
                : megabytes(size)) + ", vượt giới hạn " + megabytes(limits.maxPartBytes()) + " cho một phần của tệp. Một bảng điểm "
                + "lớp chỉ vài trăm KB: hãy xoá trang tính, dòng, cột hoặc hình ảnh thừa rồi tải lên lại.");
    }

    static String megabytes(long bytes) {
        return bytes >= 10L * 1024 * 1024 ? bytes / 1024 / 1024 + " MB"
                : String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0).replace('.', ',');
    }
}
