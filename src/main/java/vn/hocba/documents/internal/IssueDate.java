package vn.hocba.documents.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * A document's issue time as a PDF date string, to the second in UTC: exactly what PDFBox writes for a
 * {@code GregorianCalendar} in UTC ({@code D:20250531080000+00'00'}), without a calendar, a time zone and
 * {@code String.format} per date (the info dictionary and the embedded file each needed two).
 */
final class IssueDate {

    private static final DateTimeFormatter PDF_DATE =
            DateTimeFormatter.ofPattern("'D:'yyyyMMddHHmmss'+00''00'''", Locale.ROOT);

    private IssueDate() {
    }

    static String pdfDate(Instant issuedAt) {
        return PDF_DATE.format(issuedAt.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }
}
