package vn.hocba.grading.tt22;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.hocba.grading.Explanation;
import vn.hocba.grading.Level;
import vn.hocba.grading.Mark;
import vn.hocba.grading.Promotion;
import vn.hocba.grading.StudentRecord;
import vn.hocba.grading.Subject;
import vn.hocba.grading.SubjectCode;

/**
 * Year-end decision (TT22 Art. 12–14) for a complete student.
 *
 * <p>Interpretations, in the order they are applied:
 * <ol>
 *   <li>Art. 12: more than 45 sessions absent (excused + unexcused) → RETAINED regardless of
 *       anything else; no summer training or retest is offered and their entries are ignored.</li>
 *   <li>Art. 13: year conduct CĐ → summer training; the re-assessed conduct replaces the year
 *       conduct for the decision. Not entered yet → SUMMER_TRAINING_PENDING (even when learning
 *       is CĐ too: the retest comes after the training); CĐ again → RETAINED. A summer rating for
 *       a student whose year conduct was not CĐ is ignored.</li>
 *   <li>Year learning ≥ Đ → PROMOTED, or PROMOTED_AFTER_REASSESSMENT when the conduct came from
 *       summer training (the student was promoted only after a reassessment).</li>
 *   <li>Art. 14: year learning CĐ → retest of every comment subject with year result CĐ and
 *       every scored subject with ĐTBmcn below 5.0. Until every one of them has a retest result
 *       → RETEST_PENDING and none is applied. Then the retest results replace those subjects'
 *       year results (the originals are kept), learning is recomputed with Art. 9.2 and 9.3:
 *       ≥ Đ → PROMOTED_AFTER_REASSESSMENT, otherwise RETAINED. A comment subject is
 *       re-assessed Đ/CĐ and its result replaces the year Đ/CĐ exactly as a retest score
 *       replaces ĐTBmcn; a retest score is used as entered (a mark, 0–10 with at most one
 *       decimal, no further rounding). Retest entries for other subjects, or for students not
 *       on the retest path, are ignored.</li>
 * </ol>
 */
final class PromotionDecision {

    private static final int MAX_ABSENCES = 45;

    private PromotionDecision() {
    }

    /** The decision and the reassessment results it used. */
    record Outcome(Promotion promotion, Level conductAfterSummer, LearningAssessment learningAfterRetest,
                   Map<SubjectCode, Mark> appliedRetests, String explanation) {
    }

    static Outcome decide(StudentRecord student, Level conductYear, Level learningYear, Standing year) {
        int absences = student.absences().total();
        if (absences > MAX_ABSENCES) {
            // TT22 Art. 12: absent more than 45 sessions in the year → not promoted.
            return simple(Promotion.RETAINED, null, "Ở lại lớp: nghỉ " + absences
                    + " buổi trong năm, quá 45 buổi (Điều 12)");
        }
        if (conductYear != Level.CD) {
            return learning(student, null, "rèn luyện cả năm " + conductYear.label(), learningYear, year);
        }
        // TT22 Art. 13: summer conduct training; its re-assessment replaces the year conduct.
        Level summer = student.conduct().summer();
        if (summer == null) {
            return simple(Promotion.SUMMER_TRAINING_PENDING, null, "Rèn luyện cả năm Chưa đạt: "
                    + "rèn luyện trong kì nghỉ hè, chờ đánh giá lại (Điều 13)");
        }
        if (summer == Level.CD) {
            return simple(Promotion.RETAINED, summer, "Ở lại lớp: rèn luyện sau kì nghỉ hè vẫn Chưa đạt (Điều 13)");
        }
        return learning(student, summer, "rèn luyện sau kì nghỉ hè " + summer.label(), learningYear, year);
    }

    // TT22 Art. 12: promoted with conduct (possibly after summer) and year learning at least Đạt.
    private static Outcome learning(StudentRecord student, Level afterSummer, String conductText, Level learningYear,
                                    Standing year) {
        if (!learningYear.isAtLeast(Level.D)) {
            return retest(student, afterSummer, conductText, year);
        }
        Promotion p = afterSummer == null ? Promotion.PROMOTED : Promotion.PROMOTED_AFTER_REASSESSMENT;
        return simple(p, afterSummer, p.label() + ": " + conductText + ", học tập cả năm " + learningYear.label()
                + ", nghỉ " + student.absences().total() + " buổi (Điều 12)");
    }

    // TT22 Art. 14: retest of the failed subjects, then learning recomputed (Art. 9.2, 9.3).
    private static Outcome retest(StudentRecord student, Level afterSummer, String conductText, Standing year) {
        List<Standing.Entry> replaced = new ArrayList<>();
        Map<SubjectCode, Mark> applied = new LinkedHashMap<>();
        List<String> pending = replaceByRetests(student, year, replaced, applied);
        if (!pending.isEmpty()) {
            return simple(Promotion.RETEST_PENDING, afterSummer, "Học tập cả năm Chưa đạt, " + conductText
                    + ": kiểm tra lại, chưa có kết quả môn " + String.join(", ", pending) + " (Điều 14)");
        }
        LearningAssessment after = LearningAssessment.of(new Standing(replaced));
        Promotion p = after.result().level().isAtLeast(Level.D)
                ? Promotion.PROMOTED_AFTER_REASSESSMENT : Promotion.RETAINED;
        return new Outcome(p, afterSummer, after, applied, p.label() + ": học tập sau kiểm tra lại "
                + after.result().level().label() + ", " + conductText + " (Điều 14)");
    }

    /** Fills {@code replaced} and {@code applied}; returns the subjects still without a retest result. */
    private static List<String> replaceByRetests(StudentRecord student, Standing year, List<Standing.Entry> replaced,
                                                 Map<SubjectCode, Mark> applied) {
        List<String> pending = new ArrayList<>();
        for (Standing.Entry e : year.entries()) {
            Mark retest = needsRetest(e) ? student.marksOf(e.subject().code()).retest() : null;
            if (needsRetest(e) && retest == null) {
                pending.add(e.subject().name());
            }
            if (retest == null) {
                replaced.add(e);
                continue;
            }
            requireSameKind(e.subject(), retest);
            applied.put(e.subject().code(), retest);
            replaced.add(new Standing.Entry(e.subject(), retest));
        }
        return pending;
    }

    /** TT22 Art. 14: comment subjects with year result CĐ, scored subjects with ĐTBmcn below 5.0. */
    static boolean needsRetest(Standing.Entry e) {
        return e.result() == Mark.Comment.CHUA_DAT
                || e.result() instanceof Mark.Score s && s.value().compareTo(LearningLevels.D_5_0) < 0;
    }

    private static void requireSameKind(Subject subject, Mark retest) {
        if (subject.scored() != (retest instanceof Mark.Score)) {
            throw new IllegalArgumentException("Retest of " + subject.code() + " has the wrong kind: " + retest.text());
        }
    }

    private static Outcome simple(Promotion p, Level afterSummer, String text) {
        return new Outcome(p, afterSummer, null, Map.of(), text);
    }

    static Explanation explanation(Outcome o) {
        return new Explanation("promotion", o.explanation());
    }
}
