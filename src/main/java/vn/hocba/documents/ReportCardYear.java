package vn.hocba.documents;

import java.util.List;

/**
 * The year part of the year's report card (phiếu liên lạc cả năm): each subject's term I, term II
 * and year results and its retest result (TT22 Art. 12), the year's learning result, the result after
 * the retest, and whether the student moves up (TT22 Art. 13). Term II's single marks are on the
 * term II card, not here.
 *
 * @param reassessedLearning the learning result after the retest; "" when there was none
 */
public record ReportCardYear(List<ReportCardYearRow> rows, String learning, String reassessedLearning,
        String promotion) {

    public ReportCardYear {
        rows = List.copyOf(rows);
    }

    /** One subject: results as printed ("8,5", "Đ"); {@code retest} is "" when the subject was not retested. */
    public record ReportCardYearRow(String subjectName, String term1, String term2, String year, String retest) {
    }
}
