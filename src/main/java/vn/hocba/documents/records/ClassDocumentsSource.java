package vn.hocba.documents.records;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.hocba.documents.RegisterNumbers;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.gradebook.ClassGradebookAssembler;
import vn.hocba.gradebook.corrections.Corrections;
import vn.hocba.gradebook.homeroom.HomeroomRecords;
import vn.hocba.gradebook.comments.StudentComments;
import vn.hocba.gradebook.homeroom.HomeroomRecords.AbsenceDay;
import vn.hocba.gradebook.homeroom.HomeroomRecords.MonthlyAbsences;
import vn.hocba.grading.ClassGradebook;
import vn.hocba.grading.RuleSets;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.GradeSubject;
import vn.hocba.schoolyear.Position;
import vn.hocba.schoolyear.School;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.AcademicYear;
import vn.hocba.schoolyear.Staff;
import vn.hocba.schoolyear.TeachingAssignment;
import vn.hocba.students.EnrolledStudent;
import vn.hocba.students.StudentRegistry;

/** Reads one stored class through the school-year, students and gradebook module APIs. */
@Component
public class ClassDocumentsSource {

    private final SchoolDirectory directory;
    private final StudentRegistry students;
    private final ClassGradebookAssembler assembler;
    private final HomeroomRecords homeroom;
    private final Corrections corrections;
    private final StudentComments comments;
    private final ObjectProvider<RegisterNumbers> registerNumbers;
    private final RuleSets rules = RuleSets.standard();

    public ClassDocumentsSource(SchoolDirectory directory, StudentRegistry students, ClassGradebookAssembler assembler,
            HomeroomRecords homeroom, Corrections corrections, StudentComments comments,
            ObjectProvider<RegisterNumbers> registerNumbers) {
        this.directory = directory;
        this.students = students;
        this.assembler = assembler;
        this.homeroom = homeroom;
        this.corrections = corrections;
        this.comments = comments;
        this.registerNumbers = registerNumbers;
    }

    /** Everything the documents of {@code id} print, read in one (read-only) transaction. */
    @Transactional(readOnly = true)
    public ClassRecords load(ClassId id) {
        SchoolClass schoolClass = directory.schoolClass(id);
        AcademicYear year = directory.year(schoolClass.yearId());
        School school = directory.schools().stream().filter(s -> s.id().equals(year.schoolId())).findFirst().orElseThrow();
        List<GradeSubject> subjects = directory.gradeSubjects(year.id(), schoolClass.grade());
        // What ClassResultsStore.compute does, on the very gradebook whose marks are printed.
        ClassGradebook gradebook = assembler.assemble(schoolClass);
        Map<Long, String> subjectNames = new HashMap<>();
        subjects.forEach(gs -> subjectNames.put(gs.subject().id().value(), gs.subject().name()));
        List<EnrolledStudent> roster = students.roster(id);
        ClassRecords draft = new ClassRecords(school, year, schoolClass, subjects, teachers(id),
                directory.homeroomOf(id).map(h -> h.teacher().fullName()).orElse(""), principal(school),
                roster, gradebook, rules.compute(gradebook), Map.of(), Map.of(),
                corrections.applied(id.value()), subjectNames, comments.ofClass(schoolClass),
                registerNumbers.getIfAvailable(() -> RegisterNumbers.NONE)
                        .of(roster.stream().map(e -> e.student().id().value()).toList()));
        return withAbsences(draft);
    }

    /**
     * The absences of the year's months, day by day and counted per student and month (P, K), from one read of the
     * year's absence days (each document read of a class did two queries per month: 18 of a sheet request's).
     */
    private ClassRecords withAbsences(ClassRecords c) {
        Map<YearMonth, Map<Long, MonthlyAbsences>> absences = new LinkedHashMap<>();
        Map<YearMonth, List<AbsenceDay>> days = new LinkedHashMap<>();
        List<YearMonth> months = c.months(0);
        for (YearMonth month : months) {
            absences.put(month, new HashMap<>());
            days.put(month, new ArrayList<>());
        }
        for (AbsenceDay day : homeroom.days(c.schoolClass(), months.get(0), months.get(months.size() - 1))) {
            YearMonth month = YearMonth.from(day.day());
            days.get(month).add(day);
            absences.get(month).merge(day.studentId(), new MonthlyAbsences(day.studentId(), month, day.excused() ? 1 : 0,
                    day.excused() ? 0 : 1), (a, b) -> new MonthlyAbsences(a.studentId(), month,
                    a.excused() + b.excused(), a.unexcused() + b.unexcused()));
        }
        return new ClassRecords(c.school(), c.year(), c.schoolClass(), c.subjects(), c.teachers(), c.homeroomTeacher(),
                c.principalName(), c.roster(), c.gradebook(), c.results(), absences, days, c.corrections(),
                c.subjectNames(), c.comments(), c.registerNumbers());
    }

    /** Subject code → the names of the teachers assigned to it in this class, in column order. */
    private Map<String, List<String>> teachers(ClassId id) {
        Map<String, List<String>> teachers = new HashMap<>();
        for (TeachingAssignment ta : directory.teachingAssignmentsOfClass(id)) {
            List<String> names = teachers.computeIfAbsent(ta.subject().code(), k -> new java.util.ArrayList<>());
            if (!names.contains(ta.teacher().fullName())) {
                names.add(ta.teacher().fullName());
            }
        }
        return teachers;
    }

    private String principal(School school) {
        return directory.staff(school.id()).stream().filter(s -> s.position() == Position.PRINCIPAL)
                .map(Staff::fullName).findFirst().orElse("");
    }
}
