package vn.hocba.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.hocba.audit.Actor;
import vn.hocba.gradebook.ClassResultsStore;
import vn.hocba.gradebook.GradebookLocks;
import vn.hocba.gradebook.closing.SummerWork;
import vn.hocba.gradebook.closing.YearEnd;
import vn.hocba.gradebook.interchange.GradebookBulkLoad;
import vn.hocba.schoolyear.School;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.TeachingAssignment;
import vn.hocba.security.Account;
import vn.hocba.security.Accounts;
import vn.hocba.students.StudentRegistry;
import vn.hocba.workflow.ClassDocumentsWorkflow;

/**
 * {@code demo-close-class CLASS [--key=value]...}: development only, on the demo school (code
 * {@value #DEMO_SCHOOL}): completes term II of the class, closes its year ({@link DemoClassClosing}, the
 * domain services, as the principal) and starts its year documents (the real ClassDocuments process),
 * so that the class waits for its subject teachers' signatures and the own-key signing (USB token
 * through the agent, or on the phone) can be tried by hand. The command runs without the job executor;
 * the server, once started, generates the documents and hands out the signing tasks.
 */
public final class DemoCloseClassCommand implements Subcommand {

    static final String DEMO_SCHOOL = "DEMO01";
    private static final String PRINCIPAL = "hieutruong";

    @Override
    public String name() {
        return "demo-close-class";
    }

    @Override
    public String usage() {
        return "demo-close-class LỚP  (phát triển, trường mẫu) kết thúc năm học của lớp và bắt đầu lập, ký văn bản cả năm";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> options = new ArrayList<>(args);
        String code = options.stream().filter(a -> !a.startsWith("--")).findFirst().orElse(null);
        if (code == null) {
            err.println("Hãy ghi mã lớp, ví dụ: java -jar hocba.jar demo-close-class 6A1");
            return 2;
        }
        options.remove(code);
        try (ConfigurableApplicationContext context = OfflineApplication.start(CommandLine.application(), options)) {
            return close(context, code, out, err);
        } catch (RuntimeException e) {
            err.println("Không kết thúc được năm học của lớp " + code + ": " + (DevTokensCommand.databaseInUse(e)
                    ? "cơ sở dữ liệu H2 (tệp trong HOCBA_DATA_DIR) đang được máy chủ HocBa mở; hãy dừng máy chủ rồi chạy lại "
                    + "lệnh (với PostgreSQL thì không cần dừng)." : e.getMessage()));
            return 1;
        }
    }

    /** The command's work in {@code context} (the offline application, or a test's); 0 when the class waits for signatures. */
    public static int close(ApplicationContext context, String code, PrintStream out, PrintStream err) {
        SchoolDirectory directory = context.getBean(SchoolDirectory.class);
        School school = directory.schools().stream().findFirst().orElse(null);
        if (school == null || !DEMO_SCHOOL.equals(school.code())) {
            err.println("Lệnh demo-close-class chỉ dùng cho trường mẫu (mã " + DEMO_SCHOOL + ") khi phát triển; cơ sở dữ liệu "
                    + "này là của " + (school == null ? "không trường nào" : "trường «" + school.name() + "»")
                    + ". Không thay đổi gì.");
            return 2;
        }
        SchoolClass schoolClass = directory.activeYear(school.id())
                .flatMap(year -> directory.classByCode(year.id(), code.strip().toUpperCase())).orElse(null);
        if (schoolClass == null) {
            err.println("Năm học hiện tại của trường mẫu không có lớp «" + code + "». Không thay đổi gì.");
            return 2;
        }
        Accounts accounts = context.getBean(Accounts.class);
        Account principal = accounts.byUsername(PRINCIPAL).orElseThrow();
        Actor by = new Actor(PRINCIPAL, "PRINCIPAL", "demo-close-class");
        DemoClassClosing closing = new DemoClassClosing(directory, context.getBean(StudentRegistry.class),
                context.getBean(GradebookLocks.class), context.getBean(YearEnd.class), context.getBean(SummerWork.class),
                context.getBean(GradebookBulkLoad.class), context.getBean(ClassResultsStore.class), by,
                directory.staffMember(principal.staffId()).fullName(), "demo-close-class");
        closing.completeTermTwo(schoolClass);
        closing.close(schoolClass);
        String process = context.getBean(ClassDocumentsWorkflow.class).start(schoolClass, by);
        out.println("Lớp " + schoolClass.code() + ": đã nhập đủ điểm học kì II, chốt hai học kì và kết thúc năm học "
                + "(danh sách lên lớp đã duyệt, quyết định cuối cùng); đã bắt đầu lập và ký văn bản cả năm (quy trình "
                + process + ").");
        out.println("Khi máy chủ chạy, HocBa lập văn bản rồi giao việc «Ký bảng kết quả môn học» cho từng giáo viên bộ môn "
                + "(đồng giảng dạy: lần lượt). Trang ký: /ki-so?buoc=SUBJECT_SHEET&lop=" + schoolClass.id().value());
        Map<String, List<String>> subjects = new LinkedHashMap<>();
        for (TeachingAssignment a : directory.teachingAssignmentsOfClass(schoolClass.id())) {
            String username = accounts.byStaff(a.teacher().id()).map(Account::username).orElse(a.teacher().code());
            subjects.computeIfAbsent(username + " (" + a.teacher().fullName() + ")", k -> new ArrayList<>())
                    .add(a.subject().name());
        }
        subjects.forEach((teacher, names) -> out.println("  " + teacher + ": " + String.join(", ", names)));
        return 0;
    }
}
