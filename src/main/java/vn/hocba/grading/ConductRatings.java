package vn.hocba.grading;

/**
 * Conduct ratings given by the homeroom teacher (TT22 Art. 8); null when not rated yet.
 *
 * @param hk1 term I rating
 * @param hk2 term II rating
 * @param summer re-assessed conduct after summer training (Art. 13)
 */
public record ConductRatings(Level hk1, Level hk2, Level summer) {

    public Level term(Term term) {
        return term == Term.HK1 ? hk1 : hk2;
    }
}
