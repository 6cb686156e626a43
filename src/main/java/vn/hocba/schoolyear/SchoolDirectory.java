package vn.hocba.schoolyear;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.hocba.common.Rejected;

/** Read access to the school-year setup. */
@Service
public class SchoolDirectory {

    private final JdbcClient jdbc;
    private final Rows rows = new Rows();

    public SchoolDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<School> schools() {
        return jdbc.sql("select * from school order by code").query(rows::school).list();
    }

    public Optional<School> schoolByCode(String code) {
        return jdbc.sql("select * from school where code = ?").param(code).query(rows::school).optional();
    }

    /** The school's ACTIVE year: the one marks are entered in now. */
    public Optional<AcademicYear> activeYear(SchoolId school) {
        return jdbc.sql("select id from school_year where school_id = ? and status = 'ACTIVE'")
                .param(school.value()).query(Long.class).optional().map(id -> year(new SchoolYearId(id)));
    }

    public AcademicYear year(SchoolYearId id) {
        List<TermDates> terms = jdbc.sql("select * from term where school_year_id = ? order by number")
                .param(id.value()).query(rows::term).list();
        return jdbc.sql("select * from school_year where id = ?").param(id.value())
                .query((rs, n) -> rows.year(rs, terms)).optional()
                .orElseThrow(() -> Rejected.notFound("Không có năm học mã số " + id.value() + "."));
    }

    public List<AcademicYear> years(SchoolId school) {
        return jdbc.sql("select id from school_year where school_id = ? order by start_year")
                .param(school.value()).query(Long.class).list().stream()
                .map(id -> year(new SchoolYearId(id))).toList();
    }

    public List<SchoolClass> classes(SchoolYearId year) {
        return jdbc.sql("select * from school_class where school_year_id = ? order by grade, code")
                .param(year.value()).query(rows::schoolClass).list();
    }

    /**
     * Holds the class's row until the transaction ends: whoever starts a run of the class's year
     * documents (a person, or a correction that must have them signed again) does so one at a time.
     */
    public void lockClass(ClassId id) {
        jdbc.sql("select id from school_class where id = ? for update").param(id.value()).query(Long.class).single();
    }

    public SchoolClass schoolClass(ClassId id) {
        return jdbc.sql("select * from school_class where id = ?").param(id.value()).query(rows::schoolClass)
                .optional().orElseThrow(() -> Rejected.notFound("Không có lớp mã số " + id.value() + "."));
    }

    public Optional<SchoolClass> classByCode(SchoolYearId year, String code) {
        return jdbc.sql("select * from school_class where school_year_id = ? and code = ?")
                .param(year.value()).param(code).query(rows::schoolClass).optional();
    }

    public List<Department> departments(SchoolId school) {
        return jdbc.sql("select * from department where school_id = ? order by code")
                .param(school.value()).query(rows::department).list();
    }

    public List<Staff> staff(SchoolId school) {
        return jdbc.sql("select * from staff where school_id = ? order by code")
                .param(school.value()).query(rows::staff).list();
    }

    public Staff staffMember(StaffId id) {
        return jdbc.sql("select * from staff where id = ?").param(id.value()).query(rows::staff).optional()
                .orElseThrow(() -> Rejected.notFound("Không có cán bộ, giáo viên mã số " + id.value() + "."));
    }

    /** The school a staff member belongs to. */
    public SchoolId schoolOf(StaffId staff) {
        return jdbc.sql("select school_id from staff where id = ?").param(staff.value()).query(Long.class).optional()
                .map(SchoolId::new)
                .orElseThrow(() -> Rejected.notFound("Không có cán bộ, giáo viên mã số " + staff.value() + "."));
    }

    public List<CurriculumSubject> subjects(SchoolId school) {
        return jdbc.sql("select * from subject where school_id = ? order by id")
                .param(school.value()).query(rows::subject).list();
    }

    /** The subjects of one grade in a year, in curriculum order. */
    public List<GradeSubject> gradeSubjects(SchoolYearId year, int grade) {
        return jdbc.sql("""
                select s.*, gs.grade, gs.periods_per_year from grade_subject gs join subject s on s.id = gs.subject_id
                where gs.school_year_id = ? and gs.grade = ? order by s.id""")
                .param(year.value()).param(grade).query(rows::gradeSubject).list();
    }

    public List<TeachingAssignment> teachingAssignmentsOfClass(ClassId schoolClass) {
        return teaching("ta.class_id = ?", schoolClass.value());
    }

    public List<TeachingAssignment> teachingAssignmentsOfTeacher(StaffId teacher, SchoolYearId year) {
        return teaching("ta.staff_id = ? and c.school_year_id = ?", teacher.value(), year.value());
    }

    public Optional<TeachingAssignment> teachingAssignmentById(long id) {
        return teaching("ta.id = ?", id).stream().findFirst();
    }

    public List<TeachingAssignment> teachingAssignmentsOfYear(SchoolYearId year) {
        return teaching("c.school_year_id = ?", year.value());
    }

    public List<HomeroomAssignment> homeroomAssignments(SchoolYearId year) {
        return jdbc.sql("""
                select c.*, st.id as staff_id, st.code as staff_code, st.full_name, st.position, st.department_id, st.email
                from homeroom_assignment h join school_class c on c.id = h.class_id join staff st on st.id = h.staff_id
                where c.school_year_id = ? order by c.grade, c.code""")
                .param(year.value()).query(rows::homeroom).list();
    }

    public Optional<HomeroomAssignment> homeroomOf(ClassId schoolClass) {
        return jdbc.sql("""
                select c.*, st.id as staff_id, st.code as staff_code, st.full_name, st.position, st.department_id, st.email
                from homeroom_assignment h join school_class c on c.id = h.class_id join staff st on st.id = h.staff_id
                where c.id = ?""").param(schoolClass.value()).query(rows::homeroom).optional();
    }

    private List<TeachingAssignment> teaching(String where, Object... params) {
        return jdbc.sql("""
                select ta.id as ta_id, ta.first_column, ta.last_column, c.*, s.id as subject_id, s.code as subject_code,
                       s.name as subject_name, s.assessment, st.id as staff_id, st.code as staff_code, st.full_name,
                       st.position, st.department_id, st.email
                from teaching_assignment ta join school_class c on c.id = ta.class_id
                join subject s on s.id = ta.subject_id join staff st on st.id = ta.staff_id
                """ + " where " + where + " order by c.grade, c.code, s.id, ta.first_column")
                .params(params).query(rows::teaching).list();
    }
}
