package vn.hocba.students;

/** Giới tính as printed on the transcript. */
public enum Sex {
    NAM("Nam"),
    NU("Nữ");

    private final String label;

    Sex(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
