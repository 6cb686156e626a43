package vn.hocba.schoolyear;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.common.Rejected;
import vn.hocba.common.TypedText;

/** Creates the school and its lasting parts: departments, staff and the subject catalogue. */
@Service
@Transactional
public class SchoolSetup {

    private final JdbcClient jdbc;

    public SchoolSetup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public SchoolId createSchool(String code, String name, String province, String level) {
        String schoolCode = Codes.code(code, "trường");
        if (!"THCS".equals(level) && !"THPT".equals(level)) {
            throw Rejected.invalid("Cấp học \"" + level + "\" không hợp lệ: chọn THCS hoặc THPT.");
        }
        if (Sql.exists(jdbc, "select count(*) from school where code = ?", schoolCode)) {
            throw Rejected.conflict("Mã trường " + schoolCode + " đã được dùng.");
        }
        return new SchoolId(Sql.insert(jdbc, "insert into school (code, name, province, level) values (?, ?, ?, ?)",
                schoolCode, Codes.text(name, "tên trường", 200), Codes.text(province, "tỉnh/thành phố", 100), level));
    }

    /**
     * The school's commune (xã/phường/đặc khu) when it is created: the transcripts of years from 2025-2026 on print
     * it on the cover. Later changes go through {@link SchoolData}, audited.
     */
    public void setCommune(SchoolId school, String commune) {
        jdbc.sql("update school set commune = ? where id = ?").params(Codes.text(commune, "xã/phường/đặc khu", 100),
                school.value()).update();
    }

    public DepartmentId createDepartment(SchoolId school, String code, String name) {
        String departmentCode = Codes.code(code, "tổ chuyên môn");
        if (Sql.exists(jdbc, "select count(*) from department where school_id = ? and code = ?", school.value(), departmentCode)) {
            throw Rejected.conflict("Mã tổ chuyên môn " + departmentCode + " đã có trong trường.");
        }
        return new DepartmentId(Sql.insert(jdbc, "insert into department (school_id, code, name) values (?, ?, ?)",
                school.value(), departmentCode, Codes.text(name, "tên tổ chuyên môn", 200)));
    }

    public StaffId createStaff(SchoolId school, String code, String fullName, Position position,
            DepartmentId department, String email) {
        String staffCode = Codes.code(code, "cán bộ, giáo viên");
        if (position == null) {
            throw Rejected.invalid("Thiếu chức vụ của " + staffCode + ".");
        }
        if (Sql.exists(jdbc, "select count(*) from staff where school_id = ? and code = ?", school.value(), staffCode)) {
            throw Rejected.conflict("Mã cán bộ, giáo viên " + staffCode + " đã có trong trường.");
        }
        if (department != null && !Sql.exists(jdbc, "select count(*) from department where id = ? and school_id = ?",
                department.value(), school.value())) {
            throw Rejected.notFound("Không có tổ chuyên môn mã số " + department.value() + " trong trường.");
        }
        return new StaffId(Sql.insert(jdbc,
                "insert into staff (school_id, code, full_name, position, department_id, email) values (?, ?, ?, ?, ?, ?)",
                school.value(), staffCode, Codes.text(fullName, "họ tên", 100), position.name(),
                department == null ? null : department.value(), TypedText.optional(email, "thư điện tử của " + staffCode, 200)));
    }

    public SubjectId createSubject(SchoolId school, String code, String name, AssessedBy assessment) {
        String subjectCode = Codes.code(code, "môn học");
        if (assessment == null) {
            throw Rejected.invalid("Thiếu hình thức đánh giá của môn " + subjectCode + ": SCORE (điểm số) hoặc COMMENT (nhận xét).");
        }
        if (Sql.exists(jdbc, "select count(*) from subject where school_id = ? and code = ?", school.value(), subjectCode)) {
            throw Rejected.conflict("Mã môn học " + subjectCode + " đã có trong trường.");
        }
        return new SubjectId(Sql.insert(jdbc, "insert into subject (school_id, code, name, assessment) values (?, ?, ?, ?)",
                school.value(), subjectCode, Codes.text(name, "tên môn học", 200), assessment.name()));
    }
}
