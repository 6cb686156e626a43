package vn.hocba.gradebook.excel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.hocba.common.Rejected;

/**
 * Opens an uploaded .xlsx safely: a size limit, POI's zip-bomb guards (inflate ratio, entry size)
 * and every failure to read turned into a specific refusal instead of an error page.
 */
final class UploadedWorkbook {

    /** Larger than any real class sheet (35 students × 12 subjects is ~30 KB). */
    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_ROWS = 1_000;

    static {
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(50L * 1024 * 1024);
        ZipSecureFile.setMaxFileCount(200);
    }

    private UploadedWorkbook() {
    }

    /** The workbook in {@code bytes}, or a refusal saying why it cannot be read. */
    static XSSFWorkbook open(byte[] bytes, String filename) {
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
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (Rejected e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw Rejected.invalid(name + (zipBomb(e)
                    ? " có nội dung nén bất thường (nghi là \"zip bomb\") nên không được mở."
                    : " bị hỏng hoặc không phải .xlsx hợp lệ nên không đọc được. Hãy mở lại trong Excel, lưu thành .xlsx rồi tải lên."));
        }
    }

    private static boolean zipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("Zip bomb")) {
                return true;
            }
        }
        return false;
    }

    /** The sheet to read: the one named {@code subjectCode} if there is one, else the first. */
    static Sheet sheetFor(XSSFWorkbook book, String subjectCode) {
        if (book.getNumberOfSheets() == 0) {
            throw Rejected.invalid("Tệp không có trang tính nào.");
        }
        Sheet named = book.getSheet(subjectCode);
        Sheet sheet = named != null ? named : book.getSheetAt(0);
        if (sheet.getLastRowNum() > MAX_ROWS) {
            throw Rejected.invalid("Trang tính “" + sheet.getSheetName() + "” có " + (sheet.getLastRowNum() + 1)
                    + " dòng, quá " + MAX_ROWS + " dòng cho một lớp. Hãy xoá các dòng thừa.");
        }
        return sheet;
    }

    static List<String> sheetNames(XSSFWorkbook book) {
        return java.util.stream.IntStream.range(0, book.getNumberOfSheets()).mapToObj(book::getSheetName).toList();
    }
}
