package vn.hocba.schoolyear;

/** A staff member's post in the school. Rights in the software come from accounts and assignments. */
public enum Position {
    PRINCIPAL("Hiệu trưởng"),
    VICE_PRINCIPAL("Phó hiệu trưởng"),
    TEACHER("Giáo viên"),
    CLERK("Văn thư"),
    OTHER("Nhân viên");

    private final String title;

    Position(String title) {
        this.title = title;
    }

    /** The Vietnamese title, as printed on documents. */
    public String title() {
        return title;
    }
}
