package vn.hocba.grading;

/** Year-end titles (TT22 Art. 15). */
public enum Title {
    XUAT_SAC("Học sinh Xuất sắc"),
    GIOI("Học sinh Giỏi");

    private final String label;

    Title(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
