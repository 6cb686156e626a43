package vn.hocba.hocbaso;

import java.util.Optional;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.hocba.students.Sex;
import vn.hocba.students.StudentRegistry;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.audit.Actor;
import vn.hocba.audit.AuditLog;
import vn.hocba.audit.AuditRecord;
import vn.hocba.common.Rejected;
import vn.hocba.schoolyear.SchoolId;
import vn.hocba.students.StudentId;

/**
 * The identifiers the national store needs that the school's own records lack: the school's code
 * in the sector database, and per student the sector code (or a temporary one) and the register
 * number. Every change is audited.
 */
@Repository
public class StudentIdentifiers {

    /** What a sector database student code may hold (the record's nguoi_hoc_id). */
    static final String MOET_CODE = "[A-Za-z0-9_-]{4,20}";


    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final StudentRegistry students;

    StudentIdentifiers(JdbcClient jdbc, AuditLog audit, StudentRegistry students) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.students = students;
    }

    /**
     * Records the student's 12-digit personal id after checking it against their profile
     * ({@link PersonalIdCheck}: province code, century and sex digit, birth year); audited.
     *
     * @throws Rejected naming the student and every rule the number breaks
     */
    @Transactional
    public void setPersonalId(StudentId student, String personalId, Actor by) {
        var profile = students.student(student).profile();
        String id = personalId == null ? "" : personalId.strip();
        List<String> problems = PersonalIdCheck.problems(id, profile.dateOfBirth(), profile.sex() == Sex.NU);
        if (!problems.isEmpty()) {
            throw Rejected.invalid("Học sinh " + profile.fullName() + " (" + profile.code() + "): số định danh cá nhân \""
                    + id + "\" không hợp lệ: " + String.join("; ", problems) + ".");
        }
        students.setNationalId(student, id);
        audit.append(new AuditRecord(by, "HOCBASO_PERSONAL_ID_SET", "student " + student.value(), profile.nationalId(),
                id, null, null));
    }

    public Optional<String> schoolCode(SchoolId school) {
        return jdbc.sql("select moet_code from hocbaso_school_code where school_id = ?").param(school.value())
                .query(String.class).optional();
    }

    /** The student's identifiers joined with the school's code (blank parts when unknown). */
    public RecordIdentifiers of(SchoolId school, StudentId student) {
        String schoolCode = schoolCode(school).orElse(null);
        return jdbc.sql("select moet_code, temporary_code, register_number from hocbaso_student_code where student_id = ?")
                .param(student.value())
                .query((rs, n) -> new RecordIdentifiers(rs.getString(1), rs.getBoolean(2), schoolCode, rs.getString(3)))
                .optional().orElse(new RecordIdentifiers(null, false, schoolCode, null));
    }

    /**
     * {@link #of} for several students at once (a class's records): the school's code read once, the students'
     * codes in one query; by student id, every student given is in the map.
     */
    public java.util.Map<Long, RecordIdentifiers> ofStudents(SchoolId school, List<Long> studentIds) {
        String schoolCode = schoolCode(school).orElse(null);
        java.util.Map<Long, RecordIdentifiers> all = new java.util.HashMap<>();
        if (!studentIds.isEmpty()) {
            jdbc.sql("select student_id, moet_code, temporary_code, register_number from hocbaso_student_code "
                    + "where student_id in (:ids)").param("ids", studentIds)
                    .query((rs, n) -> java.util.Map.entry(rs.getLong(1), new RecordIdentifiers(rs.getString(2),
                            rs.getBoolean(3), schoolCode, rs.getString(4)))).list()
                    .forEach(e -> all.put(e.getKey(), e.getValue()));
        }
        studentIds.forEach(id -> all.putIfAbsent(id, new RecordIdentifiers(null, false, schoolCode, null)));
        return all;
    }

    @Transactional
    public void setSchoolCode(SchoolId school, String code, Actor by) {
        if (code == null || !code.matches("[A-Za-z0-9]{2,20}")) {
            throw Rejected.invalid("Mã trường trên CSDL ngành \"" + code + "\" không hợp lệ: 2–20 chữ cái không dấu hoặc chữ số.");
        }
        jdbc.sql("delete from hocbaso_school_code where school_id = ?").param(school.value()).update();
        jdbc.sql("insert into hocbaso_school_code (school_id, moet_code) values (?, ?)").params(school.value(), code).update();
        audit.append(new AuditRecord(by, "HOCBASO_SCHOOL_CODE_SET", "school " + school.value(), null, code, null, null));
    }

    /**
     * The clerk's change of a student's identifiers: sector code (or temporary code), register number and,
     * when given, the personal id (checked against the profile); all or nothing, audited. A blank field keeps
     * what is stored (the clerk's form sends only what they typed; the temporary flag goes with the code).
     */
    @Transactional
    public void update(StudentId student, String moetCode, boolean temporary, String registerNumber, String personalId,
            Actor by) {
        var stored = jdbc.sql("select moet_code, temporary_code, register_number from hocbaso_student_code where student_id = ?")
                .param(student.value()).query((rs, n) -> new String[] {rs.getString(1), String.valueOf(rs.getBoolean(2)),
                        rs.getString(3)}).optional();
        boolean keepCode = blankToNull(moetCode) == null && stored.isPresent();
        setStudent(student, keepCode ? stored.get()[0] : blankToNull(moetCode),
                keepCode ? Boolean.parseBoolean(stored.get()[1]) : temporary,
                blankToNull(registerNumber) == null ? stored.map(r -> r[2]).orElse(null) : blankToNull(registerNumber), by);
        if (personalId != null && !personalId.isBlank()) {
            setPersonalId(student, personalId, by);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Transactional
    public void setStudent(StudentId student, String moetCode, boolean temporary, String registerNumber, Actor by) {
        if (moetCode != null && !moetCode.matches(MOET_CODE)) {
            throw Rejected.invalid("Học sinh mã số " + student.value() + ": mã học sinh trên CSDL ngành \"" + moetCode
                    + "\" không hợp lệ (4–20 chữ cái không dấu, chữ số, '_' hoặc '-').");
        }
        if (registerNumber != null && !registerNumber.matches("[\\p{L}0-9/ ._-]{1,30}")) {
            throw Rejected.invalid("Học sinh mã số " + student.value() + ": số sổ đăng bộ \"" + registerNumber
                    + "\" không hợp lệ (tối đa 30 ký tự: chữ, số, '/', '-', '.').");
        }
        jdbc.sql("delete from hocbaso_student_code where student_id = ?").param(student.value()).update();
        jdbc.sql("insert into hocbaso_student_code (student_id, moet_code, temporary_code, register_number) values (?, ?, ?, ?)")
                .params(student.value(), moetCode, temporary, registerNumber).update();
        audit.append(new AuditRecord(by, "HOCBASO_STUDENT_CODE_SET", "student " + student.value(), null,
                "moetCode=" + moetCode + (temporary ? " (tạm)" : "") + " registerNumber=" + registerNumber, null, null));
    }
}
