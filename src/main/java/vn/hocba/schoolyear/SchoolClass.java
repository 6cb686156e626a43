package vn.hocba.schoolyear;

/** A class (lớp) of a school year, e.g. 7A1 in grade 7. */
public record SchoolClass(ClassId id, SchoolYearId yearId, String code, int grade) {
}
