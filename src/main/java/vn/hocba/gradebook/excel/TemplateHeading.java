package vn.hocba.gradebook.excel;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.hocba.common.Rejected;
import vn.hocba.common.TermName;

/**
 * The title line HocBa writes above a template's header ("Lớp: 6A1 — Môn: Toán (TOAN) — Học kì 1 —
 * …"). When an upload still has it, it must name the class, subject and term the file is uploaded
 * to: a Toán file sent to Ngữ văn, or a term I file sent to term II, would otherwise match by student
 * code and overwrite the wrong marks. Hand-made files without the line are read as they are.
 */
final class TemplateHeading {

    private static final Pattern LINE = Pattern.compile("Lớp: (\\S+) — Môn: (.+) \\(([A-Z0-9_]+)\\) — Học kì (\\d)");

    private TemplateHeading() {
    }

    static void check(SheetCells sheet, int headerRow, String classCode, String subjectCode, int term) {
        for (int r = 0; r < headerRow - 1; r++) {
            Matcher m = LINE.matcher(SheetReading.text(sheet.cell(r, 0)));
            if (!m.find()) {
                continue;
            }
            if (!m.group(3).equals(subjectCode) || !m.group(1).equals(classCode) || Integer.parseInt(m.group(4)) != term) {
                throw Rejected.invalid("Tệp này là bảng điểm lớp " + m.group(1) + ", môn " + m.group(2) + ", " + TermName.of(Integer.parseInt(m.group(4)))
                        + " (dòng " + (r + 1) + "), không phải lớp " + classCode + ", môn mã " + subjectCode + ", " + TermName.of(term)
                        + ". Hãy tải lên đúng bảng điểm, hoặc tải mẫu của bảng điểm này.");
            }
        }
    }
}
