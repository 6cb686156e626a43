package vn.hocba.gradebook;

import java.math.BigDecimal;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SubjectId;
import vn.hocba.students.StudentId;

/** One cell of the gradebook: a score (scored subject) or a level Đ/CĐ (comment subject). */
public record MarkEntry(ClassId schoolClass, SubjectId subject, StudentId student, int term, MarkKind kind,
        int column, BigDecimal score, String level) {
}
