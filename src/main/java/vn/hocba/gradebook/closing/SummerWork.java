package vn.hocba.gradebook.closing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.gradebook.ClassResultsStore;
import vn.hocba.grading.ClassResults;
import vn.hocba.grading.Promotion;
import vn.hocba.grading.StudentResults;
import vn.hocba.grading.SubjectCode;
import vn.hocba.grading.SubjectResult;
import vn.hocba.schoolyear.GradeSubject;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.SubjectId;

/**
 * What a class still owes of its summer (TT22 Art. 14-15), read from the results and the entered
 * retests: each retest (student, subject) not yet entered and each student whose re-assessed
 * conduct after summer training is not yet rated. The subject teachers' retest tasks and the
 * homeroom teacher's summer-results task are derived from it.
 */
@Service
@Transactional(readOnly = true)
public class SummerWork {

    /** A retest the subject's teacher has not entered yet. */
    public record PendingRetest(String studentCode, String studentName, SubjectId subjectId, String subjectCode,
            String subjectName) {

        public String message() {
            return "Kiểm tra lại môn " + subjectName + ": học sinh " + studentCode + " " + studentName + " chưa có điểm.";
        }
    }

    private final ClassResultsStore results;
    private final SchoolDirectory directory;
    private final JdbcClient jdbc;

    public SummerWork(ClassResultsStore results, SchoolDirectory directory, JdbcClient jdbc) {
        this.results = results;
        this.directory = directory;
        this.jdbc = jdbc;
    }

    /** Retests still to enter: every failed subject (ĐTBmcn below 5.0 or CĐ) of each student waiting for retests. */
    public List<PendingRetest> retests(SchoolClass schoolClass) {
        return retests(schoolClass, results.compute(schoolClass));
    }

    private List<PendingRetest> retests(SchoolClass schoolClass, ClassResults computed) {
        Set<String> entered = new HashSet<>(jdbc.sql("select st.code || '/' || su.code from retest_mark r "
                + "join student st on st.id = r.student_id join subject su on su.id = r.subject_id where r.class_id = ?")
                .param(schoolClass.id().value()).query(String.class).list());
        List<GradeSubject> subjects = directory.gradeSubjects(schoolClass.yearId(), schoolClass.grade());
        List<PendingRetest> pending = new ArrayList<>();
        for (StudentResults s : computed.students()) {
            if (s.promotion() != Promotion.RETEST_PENDING) {
                continue;
            }
            for (GradeSubject gs : subjects) {
                SubjectResult r = s.subjects().get(new SubjectCode(gs.subject().code()));
                if (r != null && r.failedYear() && !entered.contains(s.code().value() + "/" + gs.subject().code())) {
                    pending.add(new PendingRetest(s.code().value(), s.fullName(), gs.subject().id(), gs.subject().code(),
                            gs.subject().name()));
                }
            }
        }
        return pending;
    }

    /** Everything of the summer not entered yet, one sentence each: retests, then re-assessed conduct. */
    public List<String> missing(SchoolClass schoolClass) {
        // computed once for both: a computation reads the class's whole gradebook (the seal and export steps ask)
        ClassResults computed = results.compute(schoolClass);
        List<String> missing = new ArrayList<>(retests(schoolClass, computed).stream().map(PendingRetest::message).toList());
        computed.students().stream().filter(s -> s.promotion() == Promotion.SUMMER_TRAINING_PENDING)
                .forEach(s -> missing.add("Rèn luyện trong hè: học sinh " + s.code().value() + " " + s.fullName()
                        + " chưa được xếp loại rèn luyện lại."));
        return missing;
    }
}
