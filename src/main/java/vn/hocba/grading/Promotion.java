package vn.hocba.grading;

/** Year-end decision (TT22 Art. 12–14). */
public enum Promotion {
    /** Lên lớp: year conduct and learning at least Đạt, at most 45 sessions absent. */
    PROMOTED("Được lên lớp"),
    /** Year conduct Chưa đạt: summer conduct training, its result not entered yet. */
    SUMMER_TRAINING_PENDING("Rèn luyện trong kì nghỉ hè"),
    /** Year learning Chưa đạt: retest of the failed subjects, results not entered yet. */
    RETEST_PENDING("Kiểm tra, đánh giá lại"),
    /** Promoted after summer training and/or retest. */
    PROMOTED_AFTER_REASSESSMENT("Được lên lớp sau khi đánh giá lại"),
    /** Ở lại lớp. */
    RETAINED("Ở lại lớp");

    private final String label;

    Promotion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
