package vn.hocba.documents;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

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

    /**
     * The year page's line for the last grade, as issued THCS học bạ PDFs print it ("Nếu là lớp cuối cấp thì ghi
     * Hoàn thành hay không hoàn thành chương trình trung học cơ sở:"; source: README, "Documents"). It is printed
     * on every year's page, as the paper book has it, and filled in only for grade 9.
     */
    public static final String COMPLETION_LABEL =
            "Nếu là lớp cuối cấp thì ghi Hoàn thành hay không hoàn thành chương trình trung học cơ sở:";

    /** What a grade-9 student promoted (directly or after re-assessment, TT22 Art. 12–14) gets on that line. */
    public static final String COMPLETED = "Hoàn thành chương trình trung học cơ sở";

    /** What a grade-9 student who is retained gets on that line. */
    public static final String NOT_COMPLETED = "Không hoàn thành chương trình trung học cơ sở";

    /** The mark written after the option that applies (the others stay as printed, with their dotted line). */
    public static final String MARK = "X";

    /**
     * The year-end decision as the form's three printed options; the school marks the one that applies.
     * Wording: "- Được lên lớp", "- Được lên lớp sau …" and "- Không được lên lớp" are how a public reader of
     * issued THCS học bạ PDFs finds them; the middle option's wording after "sau" ("kiểm tra lại môn học hoặc
     * rèn luyện trong hè") is HocBa's, from TT22's own terms (kiểm tra lại, rèn luyện trong kì nghỉ hè), since no
     * source shows it whole (README, "Documents").
     */
    public enum Decision {
        /** Được lên lớp (TT22 Art. 12): conduct and learning at least Đạt, at most 45 sessions absent. */
        PROMOTED("Được lên lớp"),
        /** Promoted after the summer retest and/or conduct training (TT22 Art. 13–14). */
        PROMOTED_AFTER_REASSESSMENT("Được lên lớp sau kiểm tra lại môn học hoặc rèn luyện trong hè"),
        /** Retained (ở lại lớp). */
        NOT_PROMOTED("Không được lên lớp"),
        /** Not decided yet (summer training or retest pending): no option is marked. */
        UNDECIDED("");

        private final String option;

        Decision(String option) {
            this.option = option;
        }

        /** The option's printed words, "" for {@link #UNDECIDED}. */
        public String option() {
            return option;
        }
    }

    /** One printed option of the year-end decision, {@code marked} when it is the student's. */
    public record DecisionOption(String label, boolean marked) {

        /** What is written after the option's colon when it is marked. */
        public String mark() {
            return MARK;
        }
    }

    /**
     * From the school year 2025-2026 on the cover names the commune (Xã/Phường/Đặc khu) instead of the district:
     * local government has two levels, province and commune, since 1 July 2025 (Luật Tổ chức chính quyền địa
     * phương 2025), and issued THCS học bạ PDFs of 2025 and later print "Xã/Phường/Đặc khu:" (README, "Documents").
     */
    public static final int TWO_LEVEL_FROM_YEAR = 2025;

    /** From the first non-digit on ("-2026" of "2025-2026"); compiled once, the templates ask on every transcript. */
    private static final Pattern AFTER_FIRST_YEAR = Pattern.compile("\\D.*$");

    /** The cover's line under the school for a year before 2025-2026 (the TT22 form as reproduced by schools). */
    public static final String DISTRICT_LABEL = "Huyện/Quận/Thị xã/Thành phố:";

    /** The same line from 2025-2026 on. */
    public static final String COMMUNE_LABEL = "Xã/Phường/Đặc khu:";

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

    /** The three options in the form's order, the {@code decision}'s one marked (none while undecided). */
    public static List<DecisionOption> options(Decision decision) {
        return java.util.Arrays.stream(Decision.values()).filter(d -> d != Decision.UNDECIDED)
                .map(d -> new DecisionOption(d.option(), d == decision)).toList();
    }

    /**
     * Whether the school year ("2025-2026") is one of two-level local government, whose cover names the
     * commune; a year that cannot be read is taken as current (two-level).
     */
    public static boolean twoLevelLocalGovernment(String schoolYear) {
        String start = schoolYear == null ? "" : AFTER_FIRST_YEAR.matcher(schoolYear.strip()).replaceFirst("");
        return start.length() != 4 || Integer.parseInt(start) >= TWO_LEVEL_FROM_YEAR;
    }

    private static boolean sameName(String a, String b) {
        return normal(a).equals(normal(b));
    }

    private static String normal(String s) {
        return Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFC).strip().toLowerCase(Locale.forLanguageTag("vi"));
    }
}
