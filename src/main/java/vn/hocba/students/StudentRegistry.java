package vn.hocba.students;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.common.Rejected;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.SchoolId;
import vn.hocba.schoolyear.SchoolYearId;

/** Registers students, keeps their profiles and enrols them in classes. */
@Service
@Transactional
public class StudentRegistry {

    private static final String COLUMNS = "code, national_id, full_name, sex, date_of_birth, place_of_birth, ethnicity, "
            + "policy_status, address, father_name, father_occupation, mother_name, mother_occupation, "
            + "guardian_name, guardian_occupation";

    /** A student who transferred out of the class ({@link StudentTransfers}) is no longer on its list. */
    private static final String STILL_HERE = " and not exists (select 1 from student_movement m where m.student_id = e.student_id "
            + "and m.class_id = e.class_id and m.kind = 'TRANSFER_OUT')";

    private final JdbcClient jdbc;
    private final SchoolDirectory directory;
    private final Clock clock;

    public StudentRegistry(JdbcClient jdbc, SchoolDirectory directory, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
    }

    public StudentId register(SchoolId school, StudentProfile profile) {
        StudentProfile p = ProfileCheck.normalised(profile, LocalDate.now(clock));
        if (byCode(school, p.code()).isPresent()) {
            throw Rejected.conflict("Mã học sinh " + p.code() + " đã có trong trường.");
        }
        if (p.nationalId() != null && count("select count(*) from student where national_id = ?", p.nationalId()) > 0) {
            throw Rejected.conflict("Mã định danh " + p.nationalId() + " đã được ghi cho một học sinh khác.");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into student (school_id, " + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(school.value(), p.code(), p.nationalId(), p.fullName(), p.sex().name(), p.dateOfBirth(),
                        p.placeOfBirth(), p.ethnicity(), p.policyStatus(), p.address(), name(p.father()),
                        occupation(p.father()), name(p.mother()), occupation(p.mother()), name(p.guardian()),
                        occupation(p.guardian()))
                .update(keys, "id");
        return new StudentId(keys.getKeyAs(Long.class));
    }

    /**
     * Records the student's personal identification number (số định danh cá nhân, unique across students);
     * the caller checks its digits against the profile (học bạ số, issue 17) and audits the change.
     */
    public void setNationalId(StudentId student, String nationalId) {
        if (nationalId != null && count("select count(*) from student where national_id = ? and id <> ?", nationalId,
                student.value()) > 0) {
            throw Rejected.conflict("Mã định danh " + nationalId + " đã được ghi cho một học sinh khác.");
        }
        jdbc.sql("update student set national_id = ? where id = ?").params(nationalId, student.value()).update();
    }

    /** Enrols the student in the class for the class's school year, at the end of the class list. */
    public void enrol(StudentId student, ClassId schoolClass) {
        SchoolClass target = directory.schoolClass(schoolClass);
        Student s = student(student);
        if (count("select count(*) from enrolment where student_id = ? and school_year_id = ?",
                student.value(), target.yearId().value()) > 0) {
            throw Rejected.conflict("Học sinh " + s.profile().fullName() + " (" + s.profile().code()
                    + ") đã có tên trong một lớp của năm học này.");
        }
        long next = count("select count(*) from enrolment where class_id = ?", schoolClass.value()) + 1;
        jdbc.sql("insert into enrolment (student_id, class_id, school_year_id, number_in_class) values (?, ?, ?, ?)")
                .params(student.value(), schoolClass.value(), target.yearId().value(), next).update();
    }

    /** The class the student is enrolled in for {@code year}, if any (also after a transfer out). */
    @Transactional(readOnly = true)
    public Optional<ClassId> enrolledClass(StudentId student, SchoolYearId year) {
        return jdbc.sql("select class_id from enrolment where student_id = ? and school_year_id = ?")
                .params(student.value(), year.value()).query(Long.class).optional().map(ClassId::new);
    }

    public Student student(StudentId id) {
        return jdbc.sql("select * from student where id = ?").param(id.value()).query(this::row).optional()
                .orElseThrow(() -> Rejected.notFound("Không có học sinh mã số " + id.value() + "."));
    }

    public Optional<Student> byCode(SchoolId school, String code) {
        return jdbc.sql("select * from student where school_id = ? and code = ?").params(school.value(), code)
                .query(this::row).optional();
    }

    /** How many students are enrolled in the class (what entry progress counts cells against). */
    public int enrolledCount(ClassId schoolClass) {
        return jdbc.sql("select count(*) from enrolment e where e.class_id = ?" + STILL_HERE).param(schoolClass.value())
                .query(Integer.class).single();
    }

    /** {@link #enrolledCount} of every class of the year that has students (class id → count), in one query. */
    public java.util.Map<Long, Integer> enrolledCounts(vn.hocba.schoolyear.SchoolYearId year) {
        java.util.Map<Long, Integer> counts = new java.util.HashMap<>();
        jdbc.sql("select e.class_id, count(*) from enrolment e join school_class c on c.id = e.class_id where c.school_year_id = ?"
                + STILL_HERE + " group by e.class_id").param(year.value())
                .query(rs -> {
                    counts.put(rs.getLong(1), rs.getInt(2));
                });
        return counts;
    }

    /** The class list in order, without the students who transferred out of it. */
    public List<EnrolledStudent> roster(ClassId schoolClass) {
        return jdbc.sql("select s.*, e.number_in_class from enrolment e join student s on s.id = e.student_id "
                + "where e.class_id = ?" + STILL_HERE + " order by e.number_in_class").param(schoolClass.value())
                .query((rs, n) -> new EnrolledStudent(rs.getInt("number_in_class"), row(rs, n))).list();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private Student row(ResultSet rs, int n) throws SQLException {
        StudentProfile profile = new StudentProfile(rs.getString("code"), rs.getString("national_id"),
                rs.getString("full_name"), Sex.valueOf(rs.getString("sex")), rs.getDate("date_of_birth").toLocalDate(),
                rs.getString("place_of_birth"), rs.getString("ethnicity"), rs.getString("policy_status"),
                rs.getString("address"), parent(rs, "father"), parent(rs, "mother"), parent(rs, "guardian"));
        return new Student(new StudentId(rs.getLong("id")), profile);
    }

    private static StudentProfile.Parent parent(ResultSet rs, String who) throws SQLException {
        String name = rs.getString(who + "_name");
        return name == null ? null : new StudentProfile.Parent(name, rs.getString(who + "_occupation"));
    }

    private static String name(StudentProfile.Parent p) {
        return p == null ? null : p.name();
    }

    private static String occupation(StudentProfile.Parent p) {
        return p == null ? null : p.occupation();
    }
}
