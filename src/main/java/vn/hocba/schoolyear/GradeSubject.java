package vn.hocba.schoolyear;

import java.math.BigDecimal;

/** A subject as taught in one grade in one school year, with its periods per year (TT22 Art. 6). */
public record GradeSubject(CurriculumSubject subject, int grade, BigDecimal periodsPerYear) {
}
