package vn.hocba.documents.records;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import vn.hocba.documents.TranscriptForm;
import vn.hocba.grading.Level;
import vn.hocba.grading.Mark;
import vn.hocba.grading.Promotion;
import vn.hocba.grading.Title;

/** Values as the forms print them: decimal comma, Đ/CĐ, levels in words, dates dd/MM/yyyy. */
final class PrintedValues {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private PrintedValues() {
    }

    /** A mark as entered: "8", "7,5", "Đ", "CĐ"; "" when not entered. */
    static String entered(Mark mark) {
        if (mark instanceof Mark.Score score) {
            return comma(score.value().stripTrailingZeros().scale() <= 0
                    ? score.value().setScale(0, RoundingMode.UNNECESSARY) : score.value().stripTrailingZeros());
        }
        return mark == null ? "" : mark.text();
    }

    /** A computed result: averages with exactly one decimal ("8,0"), Đ/CĐ; "" when not computable. */
    static String result(Mark mark) {
        if (mark instanceof Mark.Score score) {
            return comma(score.oneDecimal());
        }
        return mark == null ? "" : mark.text();
    }

    /** Tốt, Khá, Đạt, Chưa đạt; "" when not (yet) known. */
    static String level(Level level) {
        return level == null ? "" : level.label();
    }

    static String promotion(Promotion promotion) {
        return promotion == null ? "" : promotion.label();
    }

    /**
     * The year-end line of a grade-9 transcript: recognised as having completed THCS when promoted
     * (directly or after re-assessment, TT22 Art. 12–14), not when retained; a pending decision as it stands.
     */
    static String completion(Promotion promotion) {
        if (promotion == null) {
            return "";
        }
        return switch (promotion) {
            case PROMOTED, PROMOTED_AFTER_REASSESSMENT -> TranscriptForm.COMPLETED;
            case RETAINED -> TranscriptForm.NOT_COMPLETED;
            case SUMMER_TRAINING_PENDING, RETEST_PENDING -> promotion.label();
        };
    }

    /** The option of the form's year-end decision that applies (TT22 Art. 12–14); none while it is pending. */
    static TranscriptForm.Decision decision(Promotion promotion) {
        if (promotion == null) {
            return TranscriptForm.Decision.UNDECIDED;
        }
        return switch (promotion) {
            case PROMOTED -> TranscriptForm.Decision.PROMOTED;
            case PROMOTED_AFTER_REASSESSMENT -> TranscriptForm.Decision.PROMOTED_AFTER_REASSESSMENT;
            case RETAINED -> TranscriptForm.Decision.NOT_PROMOTED;
            case SUMMER_TRAINING_PENDING, RETEST_PENDING -> TranscriptForm.Decision.UNDECIDED;
        };
    }

    static String title(Title title) {
        return title == null ? "" : title.label();
    }

    static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** "Hà Nội, ngày 31 tháng 5 năm 2026": the place and date above the signatures. */
    static String dateLine(String place, LocalDate date) {
        return place + ", ngày " + date.getDayOfMonth() + " tháng " + date.getMonthValue() + " năm " + date.getYear();
    }

    /** Unicode NFC, never null. */
    static String text(String value) {
        return value == null ? "" : Normalizer.normalize(value, Normalizer.Form.NFC);
    }

    private static String comma(BigDecimal value) {
        return value.toPlainString().replace('.', ',');
    }
}
