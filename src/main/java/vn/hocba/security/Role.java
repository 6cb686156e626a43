package vn.hocba.security;

/** Roles of domain.md §1. */
public enum Role {
    PRINCIPAL("Hiệu trưởng", true),
    VICE_PRINCIPAL("Phó hiệu trưởng", true),
    ADMIN_BOARD("Ban quản trị", true),
    DEPARTMENT_HEAD("Tổ trưởng chuyên môn", true),
    CLERK("Văn thư", true),
    HOMEROOM_TEACHER("Giáo viên chủ nhiệm", false),
    SUBJECT_TEACHER("Giáo viên bộ môn", false);

    private final String title;
    private final boolean granted;

    Role(String title, boolean granted) {
        this.title = title;
        this.granted = granted;
    }

    /** The Vietnamese name shown to people. */
    public String title() {
        return title;
    }

    /** True for roles granted to an account; false for roles that follow from assignments. */
    public boolean isGranted() {
        return granted;
    }

    /** The Spring Security authority, e.g. {@code ROLE_PRINCIPAL}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
