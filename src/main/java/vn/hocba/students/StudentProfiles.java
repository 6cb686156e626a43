package vn.hocba.students;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.audit.Actor;
import vn.hocba.audit.AuditLog;
import vn.hocba.audit.AuditRecord;
import vn.hocba.common.Rejected;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.SchoolId;

/**
 * Changes to a registered student (admin board): the profile, with the same checks as a new one, and
 * a move to another class of the same year before the student has any record in the old class. Audited.
 */
@Service
@Transactional
public class StudentProfiles {

    private final JdbcClient jdbc;
    private final StudentRegistry registry;
    private final SchoolDirectory directory;
    private final AuditLog audit;
    private final Clock clock;

    StudentProfiles(JdbcClient jdbc, StudentRegistry registry, SchoolDirectory directory, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new student and their place in {@code schoolClass}, both or neither. */
    public StudentId registerInClass(SchoolId school, StudentProfile profile, ClassId schoolClass) {
        StudentId id = registry.register(school, profile);
        registry.enrol(id, schoolClass);
        return id;
    }

    public StudentId update(StudentId id, StudentProfile profile, Actor by) {
        Student old = registry.student(id);
        StudentProfile p = ProfileCheck.normalised(profile, LocalDate.now(clock));
        if (count("select count(*) from student where code = ? and id <> ? and school_id = (select school_id from student where id = ?)",
                p.code(), id.value(), id.value()) > 0) {
            throw Rejected.conflict("Mã học sinh " + p.code() + " đã có trong trường.");
        }
        if (p.nationalId() != null && count("select count(*) from student where national_id = ? and id <> ?", p.nationalId(), id.value()) > 0) {
            throw Rejected.conflict("Mã định danh " + p.nationalId() + " đã được ghi cho một học sinh khác.");
        }
        jdbc.sql("update student set code = ?, national_id = ?, full_name = ?, sex = ?, date_of_birth = ?, place_of_birth = ?, "
                + "ethnicity = ?, policy_status = ?, address = ?, father_name = ?, father_occupation = ?, mother_name = ?, "
                + "mother_occupation = ?, guardian_name = ?, guardian_occupation = ? where id = ?")
                .params(p.code(), p.nationalId(), p.fullName(), p.sex().name(), p.dateOfBirth(), p.placeOfBirth(), p.ethnicity(),
                        p.policyStatus(), p.address(), name(p.father()), job(p.father()), name(p.mother()), job(p.mother()),
                        name(p.guardian()), job(p.guardian()), id.value())
                .update();
        List<String> changes = NationalRosterCheck.changes(old.profile(), p);
        audit.append(new AuditRecord(by, "STUDENT_PROFILE_CHANGED", "student " + id.value(), old.profile().code(),
                p.code() + (changes.isEmpty() ? "" : ": " + String.join("; ", changes)), null, null));
        return id;
    }

    /**
     * Moves the student to {@code target} (same school year), at the end of its class list. Refused once
     * marks, conduct, absences or comments were recorded for the student in the old class: those belong to
     * that class's gradebook.
     */
    public void moveToClass(StudentId id, ClassId target, Actor by) {
        Student student = registry.student(id);
        SchoolClass to = directory.schoolClass(target);
        Long from = jdbc.sql("select class_id from enrolment where student_id = ? and school_year_id = ?")
                .params(id.value(), to.yearId().value()).query(Long.class).optional()
                .orElseThrow(() -> Rejected.notFound("Học sinh " + student.profile().fullName() + " chưa có tên trong lớp nào của năm học này."));
        SchoolClass old = directory.schoolClass(new ClassId(from));
        if (from == target.value()) {
            throw Rejected.conflict("Học sinh " + student.profile().fullName() + " đã ở lớp " + to.code() + ".");
        }
        for (String table : List.of("mark", "conduct_rating", "absence", "subject_comment", "homeroom_comment")) {
            if (count("select count(*) from " + table + " where student_id = ? and class_id = ?", id.value(), from) > 0) {
                throw Rejected.conflict("Học sinh " + student.profile().fullName() + " đã có điểm, rèn luyện hoặc điểm danh ở lớp "
                        + old.code() + ": không chuyển lớp được trên trang này, vì các dữ liệu đó thuộc sổ của lớp " + old.code() + ".");
            }
        }
        long next = count("select count(*) from enrolment where class_id = ?", target.value()) + 1;
        jdbc.sql("update enrolment set class_id = ?, number_in_class = ? where student_id = ? and school_year_id = ?")
                .params(target.value(), next, id.value(), to.yearId().value()).update();
        audit.append(new AuditRecord(by, "STUDENT_MOVED", "student " + id.value(), old.code(), to.code(), null, null));
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private static String name(StudentProfile.Parent p) {
        return p == null ? null : p.name();
    }

    private static String job(StudentProfile.Parent p) {
        return p == null ? null : p.occupation();
    }
}
