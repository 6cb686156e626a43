package vn.hocba.grading;

/** Sessions a student was absent in the whole school year. */
public record Absences(int excused, int unexcused) {

    public Absences {
        if (excused < 0 || unexcused < 0) {
            throw new IllegalArgumentException("Absences cannot be negative");
        }
    }

    /** Excused plus unexcused: what TT22 Art. 12 counts. */
    public int total() {
        return excused + unexcused;
    }
}
