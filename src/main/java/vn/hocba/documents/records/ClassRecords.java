package vn.hocba.documents.records;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import vn.hocba.gradebook.comments.ClassComments;
import vn.hocba.gradebook.corrections.CorrectionRequest;
import vn.hocba.gradebook.homeroom.HomeroomRecords.AbsenceDay;
import vn.hocba.gradebook.homeroom.HomeroomRecords.MonthlyAbsences;
import vn.hocba.grading.ClassGradebook;
import vn.hocba.grading.ClassResults;
import vn.hocba.grading.StudentRecord;
import vn.hocba.grading.StudentResults;
import vn.hocba.schoolyear.GradeSubject;
import vn.hocba.schoolyear.School;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.AcademicYear;
import vn.hocba.schoolyear.TermDates;
import vn.hocba.students.EnrolledStudent;

/**
 * Everything stored about one class that its documents print, read once: the setup, the roster,
 * the gradebook and its computed results, monthly absences and applied corrections. Lists are in
 * class-list order (roster, gradebook records and results line up index by index).
 *
 * @param teachers     subject code → the teachers of this subject in this class, in column order (co-teachers)
 * @param absences     month → student id → that month's P/K counts (months of both terms)
 * @param absenceDays  month → each absence day of the class (the attendance grid)
 * @param subjectNames subject id → name, for corrections
 * @param comments     the subject teachers' and the homeroom teacher's comments on each student
 * @param registerNumbers student id → the student's register number (số sổ đăng bộ), where known
 */
public record ClassRecords(School school, AcademicYear year, SchoolClass schoolClass, List<GradeSubject> subjects,
        Map<String, List<String>> teachers, String homeroomTeacher, String principalName, List<EnrolledStudent> roster,
        ClassGradebook gradebook, ClassResults results, Map<YearMonth, Map<Long, MonthlyAbsences>> absences,
        Map<YearMonth, List<AbsenceDay>> absenceDays, List<CorrectionRequest> corrections, Map<Long, String> subjectNames,
        ClassComments comments, Map<Long, String> registerNumbers) {

    public ClassRecords {
        registerNumbers = Map.copyOf(registerNumbers);
    }

    /** Without register numbers. */
    public ClassRecords(School school, AcademicYear year, SchoolClass schoolClass, List<GradeSubject> subjects,
            Map<String, List<String>> teachers, String homeroomTeacher, String principalName, List<EnrolledStudent> roster,
            ClassGradebook gradebook, ClassResults results, Map<YearMonth, Map<Long, MonthlyAbsences>> absences,
            Map<YearMonth, List<AbsenceDay>> absenceDays, List<CorrectionRequest> corrections, Map<Long, String> subjectNames,
            ClassComments comments) {
        this(school, year, schoolClass, subjects, teachers, homeroomTeacher, principalName, roster, gradebook, results,
                absences, absenceDays, corrections, subjectNames, comments, Map.of());
    }

    /** The teachers of a subject as printed: "A" or, for co-teachers, "A, B"; "" when none is assigned. */
    public String teacherLine(String subjectCode) {
        return String.join(", ", teachers.getOrDefault(subjectCode, List.of()));
    }

    public int size() {
        return roster.size();
    }

    public StudentRecord record(int i) {
        return gradebook.students().get(i);
    }

    public StudentResults result(int i) {
        return results.students().get(i);
    }

    /** The months a term covers (term 0 = the whole year), first to last. */
    public List<YearMonth> months(int term) {
        List<TermDates> terms = year.terms().stream().filter(t -> term == 0 || t.number() == term).toList();
        YearMonth first = YearMonth.from(terms.get(0).startsOn());
        YearMonth last = YearMonth.from(terms.get(terms.size() - 1).endsOn());
        List<YearMonth> months = new java.util.ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /** The applied corrections of one student, oldest first. */
    public List<CorrectionRequest> correctionsOf(long studentId) {
        return corrections.stream().filter(c -> c.studentId() == studentId).toList();
    }
}
