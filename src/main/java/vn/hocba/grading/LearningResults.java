package vn.hocba.grading;

/**
 * Learning levels of a complete student.
 *
 * @param afterRetest the level recomputed with the retest results (Art. 14), or null when no
 *     retest results were applied
 */
public record LearningResults(LearningResult hk1, LearningResult hk2, LearningResult year,
                              LearningResult afterRetest) {

    public LearningResult term(Term term) {
        return term == Term.HK1 ? hk1 : hk2;
    }
}
