package vn.hocba.schoolyear;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Maps result-set rows of the setup tables to records. */
final class Rows {

    School school(ResultSet rs, int n) throws SQLException {
        return new School(new SchoolId(rs.getLong("id")), rs.getString("code"), rs.getString("name"),
                rs.getString("province"), rs.getString("level"), rs.getString("district"), rs.getString("commune"));
    }

    TermDates term(ResultSet rs, int n) throws SQLException {
        return new TermDates(rs.getInt("number"), rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate());
    }

    AcademicYear year(ResultSet rs, List<TermDates> terms) throws SQLException {
        return new AcademicYear(new SchoolYearId(rs.getLong("id")), new SchoolId(rs.getLong("school_id")),
                rs.getString("name"), rs.getInt("start_year"), AcademicYear.Status.valueOf(rs.getString("status")), terms);
    }

    SchoolClass schoolClass(ResultSet rs, int n) throws SQLException {
        return new SchoolClass(new ClassId(rs.getLong("id")), new SchoolYearId(rs.getLong("school_year_id")),
                rs.getString("code"), rs.getInt("grade"));
    }

    Department department(ResultSet rs, int n) throws SQLException {
        return new Department(new DepartmentId(rs.getLong("id")), rs.getString("code"), rs.getString("name"));
    }

    Staff staff(ResultSet rs, int n) throws SQLException {
        return staff(rs, "id", "code");
    }

    CurriculumSubject subject(ResultSet rs, int n) throws SQLException {
        return new CurriculumSubject(new SubjectId(rs.getLong("id")), rs.getString("code"), rs.getString("name"),
                AssessedBy.valueOf(rs.getString("assessment")));
    }

    GradeSubject gradeSubject(ResultSet rs, int n) throws SQLException {
        return new GradeSubject(subject(rs, n), rs.getInt("grade"), rs.getBigDecimal("periods_per_year"));
    }

    HomeroomAssignment homeroom(ResultSet rs, int n) throws SQLException {
        return new HomeroomAssignment(schoolClass(rs, n), staff(rs, "staff_id", "staff_code"));
    }

    TeachingAssignment teaching(ResultSet rs, int n) throws SQLException {
        CurriculumSubject subject = new CurriculumSubject(new SubjectId(rs.getLong("subject_id")), rs.getString("subject_code"),
                rs.getString("subject_name"), AssessedBy.valueOf(rs.getString("assessment")));
        ColumnRange columns = new ColumnRange(rs.getObject("first_column", Integer.class),
                rs.getObject("last_column", Integer.class));
        return new TeachingAssignment(rs.getLong("ta_id"), schoolClass(rs, n), subject,
                staff(rs, "staff_id", "staff_code"), columns);
    }

    private Staff staff(ResultSet rs, String idColumn, String codeColumn) throws SQLException {
        long department = rs.getLong("department_id");
        DepartmentId departmentId = rs.wasNull() ? null : new DepartmentId(department);
        return new Staff(new StaffId(rs.getLong(idColumn)), rs.getString(codeColumn), rs.getString("full_name"),
                Position.valueOf(rs.getString("position")), departmentId, rs.getString("email"));
    }
}
