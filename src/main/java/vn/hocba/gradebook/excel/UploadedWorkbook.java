package vn.hocba.gradebook.excel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import vn.hocba.common.Rejected;

/**
 * Opens an uploaded .xlsx safely: a size limit, then {@link XlsxPackage} (the zip's directory
 * checked against {@link XlsxLimits#UPLOADS} before anything is inflated, only the sheet needed
 * streamed) and every failure to read turned into a specific refusal instead of an error page.
 * POI's own zip guards are kept as well, for any other place that opens a workbook with POI.
 */
final class UploadedWorkbook {

    /** Larger than any real class sheet (35 students × 12 subjects is ~30 KB). */
    static final int MAX_BYTES = 5 * 1024 * 1024;

    static {
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(XlsxLimits.UPLOADS.maxPartBytes());
        ZipSecureFile.setMaxFileCount(XlsxLimits.UPLOADS.maxParts());
    }

    private UploadedWorkbook() {
    }

    /** The sheet to read: the one named {@code subjectCode} if there is one, else the first; or a refusal saying why it cannot be read. */
    static SheetCells sheetFor(byte[] bytes, String filename, String subjectCode) {
        try (XlsxPackage xlsx = open(bytes, filename)) {
            return xlsx.sheetOrFirst(subjectCode);
        }
    }

    /** The names of the workbook's sheets, in order. */
    static List<String> sheetNames(byte[] bytes, String filename) {
        try (XlsxPackage xlsx = open(bytes, filename)) {
            return xlsx.sheetNames();
        }
    }

    /** The workbook in {@code bytes}, or a refusal saying why it cannot be read. */
    static XlsxPackage open(byte[] bytes, String filename) {
        String name = filename == null || filename.isBlank() ? "Tệp tải lên" : "Tệp “" + filename + "”";
        if (bytes == null || bytes.length == 0) {
            throw Rejected.invalid(name + " rỗng (0 byte). Hãy chọn tệp .xlsx đã lưu từ mẫu của HocBa.");
        }
        if (bytes.length > MAX_BYTES) {
            throw Rejected.invalid(name + " có " + bytes.length / 1024 + " KB, vượt giới hạn " + MAX_BYTES / 1024 / 1024
                    + " MB. Một bảng điểm lớp chỉ khoảng vài chục KB: hãy xoá các trang tính, hình ảnh không cần thiết.");
        }
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            FileMagic magic = FileMagic.valueOf(FileMagic.prepareToCheckMagic(in));
            if (magic == FileMagic.OLE2) {
                throw Rejected.invalid(name + " là định dạng Excel 97–2003 (.xls). Hãy mở bằng Excel và lưu thành .xlsx.");
            }
            if (magic != FileMagic.OOXML) {
                throw Rejected.invalid(name + " không phải tệp Excel .xlsx (nội dung không phải bảng tính). Hãy chọn đúng tệp.");
            }
        } catch (IOException e) {
            throw Rejected.invalid(name + " bị hỏng hoặc không phải .xlsx hợp lệ nên không đọc được. Hãy mở lại trong Excel, lưu "
                    + "thành .xlsx rồi tải lên.");
        }
        return XlsxPackage.open(bytes, name, XlsxLimits.UPLOADS);
    }
}
