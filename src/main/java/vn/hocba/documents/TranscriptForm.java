package vn.hocba.documents;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The printed học bạ THCS form of TT22 (Thông tư 22/2021/TT-BGDĐT; subjects of the THCS curriculum,
 * Chương trình GDPT 2018, Thông tư 32/2018/TT-BGDĐT): the fourteen rows of its subject table in the
 * form's order, the register number on the cover, the line of the year-end decision.
 *
 * <p><b>Decision</b>: every one of the fourteen rows is printed, a subject the student did not take
 * (Tiếng dân tộc thiểu số, Ngoại ngữ 2 are optional) as an empty row, as on the paper form; a subject
 * the school teaches outside the fourteen follows them in the school's order. A row is matched by
 * HocBa's subject code, or else by its name.
 */
public final class TranscriptForm {

    /** The last grade of lower secondary: its year ends with the completion of the THCS programme. */
    public static final String FINAL_GRADE = "9";

    /** The line printed for a grade-9 student who completes THCS (TT22 Art. 12–14 decisions). */
    public static final String COMPLETED = "Được công nhận hoàn thành chương trình THCS";

    /** The line printed for a grade-9 student who does not. */
    public static final String NOT_COMPLETED = "Không được công nhận hoàn thành chương trình THCS";

    /** One row of the form: HocBa's subject code and the name the form prints. */
    public record FormRow(String code, String name) {
    }

    /** The subject table's rows in the form's order. */
    public static final List<FormRow> ROWS = List.of(
            new FormRow("NGU_VAN", "Ngữ văn"),
            new FormRow("TOAN", "Toán"),
            new FormRow("NGOAI_NGU_1", "Ngoại ngữ 1"),
            new FormRow("GDCD", "Giáo dục công dân"),
            new FormRow("LS_DL", "Lịch sử và Địa lí"),
            new FormRow("KHTN", "Khoa học tự nhiên"),
            new FormRow("CONG_NGHE", "Công nghệ"),
            new FormRow("TIN_HOC", "Tin học"),
            new FormRow("GDTC", "Giáo dục thể chất"),
            new FormRow("NGHE_THUAT", "Nghệ thuật"),
            new FormRow("HDTN_HN", "Hoạt động trải nghiệm, hướng nghiệp"),
            new FormRow("GDDP", "Nội dung giáo dục của địa phương"),
            new FormRow("TIENG_DAN_TOC", "Tiếng dân tộc thiểu số"),
            new FormRow("NGOAI_NGU_2", "Ngoại ngữ 2"));

    private TranscriptForm() {
    }

    /**
     * The rows of the subject table as printed: the fourteen rows of the form in its order, each
     * with the student's results where the student has that subject and empty otherwise (no code,
     * so no signature box), then any other subject of the student in the given order.
     */
    public static List<SubjectRow> rows(List<SubjectRow> subjects) {
        List<SubjectRow> printed = new ArrayList<>();
        Set<SubjectRow> placed = Collections.newSetFromMap(new IdentityHashMap<>());
        for (FormRow form : ROWS) {
            SubjectRow match = subjects.stream().filter(s -> !placed.contains(s) && s.code().equals(form.code()))
                    .findFirst()
                    .orElseGet(() -> subjects.stream().filter(s -> !placed.contains(s) && sameName(s.name(), form.name()))
                            .findFirst().orElse(null));
            if (match == null) {
                printed.add(new SubjectRow("", form.name(), "", "", "", "", "", ""));
            } else {
                placed.add(match);
                printed.add(match);
            }
        }
        subjects.stream().filter(s -> !placed.contains(s)).forEach(printed::add);
        return printed;
    }

    /**
     * The school's name after the cover's printed "TRƯỜNG THCS:" label: "TRƯỜNG THCS MẪU" → "MẪU" (a name
     * that does not start with it is printed whole).
     */
    public static String coverSchool(String schoolName) {
        String name = schoolName == null ? "" : schoolName.strip();
        String prefix = "TRƯỜNG THCS ";
        return name.toUpperCase(Locale.forLanguageTag("vi")).startsWith(prefix) && name.length() > prefix.length()
                ? name.substring(prefix.length()).strip() : name;
    }

    /** "Số sổ đăng bộ PCGD: 12/2022/THCS" on the cover: the register number (số sổ đăng bộ) followed by "/THCS"; "" when unknown. */
    public static String coverNumber(String registerNumber) {
        if (registerNumber == null || registerNumber.isBlank()) {
            return "";
        }
        String number = registerNumber.strip();
        return number.toUpperCase(Locale.ROOT).endsWith("/THCS") ? number : number + "/THCS";
    }

    private static boolean sameName(String a, String b) {
        return normal(a).equals(normal(b));
    }

    private static String normal(String s) {
        return Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFC).strip().toLowerCase(Locale.forLanguageTag("vi"));
    }
}
