package vn.hocba.documents;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.hocba.documents.records.ClassDocumentsSource;
import vn.hocba.documents.records.ClassRecords;
import vn.hocba.documents.records.DocumentDraft;
import vn.hocba.documents.records.DocumentDrafts;
import vn.hocba.schoolyear.ClassId;

/**
 * The year transcripts' data of a class, built exactly as the transcript PDFs' (same source, same
 * drafts, same signed-sheet references), for the học bạ số records that state the same things.
 */
@Component
public class YearTranscripts {

    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /** One student's transcript data and, per subject code, the teachers in column order. */
    public record StudentTranscript(long studentId, TranscriptData data, Map<String, List<String>> subjectTeachers) {
    }

    private final ClassDocumentsSource source;
    private final ObjectProvider<SignedSheets> signedSheets;
    private final Clock clock;
    private final String authority;

    YearTranscripts(ClassDocumentsSource source, ObjectProvider<SignedSheets> signedSheets, Clock clock,
            @Value("${hocba.documents.authority:Phòng Giáo dục và Đào tạo}") String authority) {
        this.source = source;
        this.signedSheets = signedSheets;
        this.clock = clock;
        this.authority = authority;
    }

    public List<StudentTranscript> ofClass(ClassId id) {
        ClassRecords records = source.load(id);
        String dateLine = DocumentDrafts.dateLine(records, LocalDate.now(clock.withZone(SCHOOL_ZONE)));
        List<StudentTranscript> transcripts = new ArrayList<>();
        for (DocumentDraft d : DocumentDrafts.of(records, AssessmentScope.YEAR, authority, name -> name,
                signedSheets.getIfAvailable(() -> SignedSheets.NONE))) {
            if (d.kind() == DocumentKind.TRANSCRIPT) {
                TranscriptData data = (TranscriptData) d.build(DocumentIdentity.first(d.documentId(), clock.instant()), dateLine);
                transcripts.add(new StudentTranscript(d.studentId(), data, records.teachers()));
            }
        }
        return transcripts;
    }
}
