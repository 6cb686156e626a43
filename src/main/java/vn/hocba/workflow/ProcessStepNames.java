package vn.hocba.workflow;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The names users know for HocBa's processes and for the steps the engine runs by itself (service tasks,
 * timers), shown on the admin board's page of process faults instead of the BPMN ids. A step not listed
 * here is shown with its name in the model.
 */
final class ProcessStepNames {

    private static final Map<String, String> PROCESSES = Map.of(
            ClassDocumentsModel.PROCESS, "Văn bản cả năm",
            TermCloseModel.PROCESS, "Chốt học kì",
            GradeCorrectionModel.PROCESS, "Sửa điểm đã khoá",
            YearEndModel.PROCESS, "Xét lên lớp cuối năm",
            "EntryReminders", "Nhắc tiến độ nhập điểm",
            "AttendanceReminders", "Nhắc điểm danh hằng tháng");

    private static final Map<String, String> STEPS = Map.ofEntries(
            Map.entry(ClassDocumentsModel.TASK_GENERATE, "Tạo bảng kết quả môn và phiếu liên lạc"),
            Map.entry(ClassDocumentsModel.TASK_GENERATE_TRANSCRIPTS,
                    "Tạo học bạ và sổ theo dõi sau khi giáo viên bộ môn ký bảng kết quả môn"),
            Map.entry(ClassDocumentsModel.TASK_APPLY_SEAL, "Đóng dấu số của trường, gia hạn chữ ký dài hạn (LTA)"),
            Map.entry(ClassDocumentsModel.TASK_BUILD_EXPORT, "Lập gói xuất văn bản của lớp"),
            Map.entry(TermCloseModel.TASK_PREPARE, "Lập danh sách môn cần ký xác nhận"),
            Map.entry(TermCloseModel.TASK_LOCK, "Khoá sổ học kì của lớp"),
            Map.entry(GradeCorrectionModel.TASK_APPLY, "Sửa điểm đã được duyệt, tính lại kết quả"),
            Map.entry(GradeCorrectionModel.TASK_CHECK_SIGNED, "Kiểm tra văn bản cả năm đã ký của lớp"),
            Map.entry(GradeCorrectionModel.TIMER_WAIT_FOR_RUN, "Chờ lượt lập văn bản đang chạy"),
            Map.entry("Task_SendEntryReminders", "Gửi nhắc nhập điểm"),
            Map.entry("Task_SendAttendanceReminders", "Gửi nhắc điểm danh"),
            Map.entry("StartEvent_Weekly", "Hẹn giờ nhắc hằng tuần"),
            Map.entry("StartEvent_Daily", "Hẹn giờ nhắc hằng ngày"));

    /** "kí" as a word, NFC or NFD, either case. */
    private static final Pattern KI = Pattern.compile("(?<![\\p{L}\\p{N}])([kK])(?:\u00ed|i\u0301)(?![\\p{L}\\p{N}])");

    private ProcessStepNames() {
    }

    /**
     * A name from a BPMN model as pages show it. The models (and their versions already deployed in a school's
     * database, which keep their names) spell "kí"; pages and documents spell "ký" (ui.md: one spelling, the
     * document templates decide).
     */
    static String shown(String modelName) {
        return modelName == null ? null : KI.matcher(modelName).replaceAll("$1\u00fd");
    }

    /** The process's name, with the term for a term close ("Chốt học kì II"). */
    static String process(String key, Integer term) {
        String name = PROCESSES.getOrDefault(key, key);
        return term == null ? name : name + " " + (term == 1 ? "I" : "II");
    }

    /** The step's name users know, else {@code modelName}, else its id. */
    static String step(String activityId, String modelName) {
        String known = STEPS.get(activityId);
        if (known != null) {
            return known;
        }
        return modelName == null || modelName.isBlank() ? activityId : shown(modelName);
    }
}
