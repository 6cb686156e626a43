package vn.hocba.web.setup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import vn.hocba.schoolyear.AssessedBy;
import vn.hocba.schoolyear.Position;

/** Bodies of the setup API. Validation and messages are in the services. */
final class SetupRequests {

    private SetupRequests() {
    }

    record NewDepartment(String code, String name) {
    }

    record NewStaff(String code, String fullName, Position position, Long departmentId, String email) {
    }

    record NewSubject(String code, String name, AssessedBy assessment) {
    }

    record TermDates(int number, LocalDate startsOn, LocalDate endsOn) {
    }

    record NewYear(int startYear, List<TermDates> terms) {
    }

    record NewGradeSubject(int grade, long subjectId, BigDecimal periodsPerYear) {
    }

    record NewClass(String code, int grade) {
    }

    record Homeroom(long staffId) {
    }

    record NewTeaching(long subjectId, long staffId, Integer firstColumn, Integer lastColumn) {
    }

    record NewEnrolment(long studentId) {
    }

    record Rollover(List<TermDates> terms, boolean copyAssignments) {
    }

    record Created(long id) {
    }
}
