package vn.hocba.hocbaso;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import vn.hocba.documents.DocumentIdentity;
import vn.hocba.documents.SubjectRow;
import vn.hocba.documents.TranscriptData;
import vn.hocba.documents.sample.SampleDocuments;

/**
 * What lets the sheet signatures of a class stop rebuilding its records (issue 19): a record's fingerprint is
 * reused only for the very input it was computed from, and a stored version is handed out once.
 */
class RecordFingerprintMemoTest {

    private static final TranscriptData TRANSCRIPT = SampleDocuments.create().transcript(0);
    private static final RecordXml BUILDER = new RecordXml(SubjectCodeTable.standard());

    @Test
    void aFingerprintIsReusedOnlyForTheSameInputAndAnyCorrectionIsFingerprintedAgain() {
        RecordFingerprintMemo memo = new RecordFingerprintMemo(100);
        RecordInput first = input(TRANSCRIPT, SampleRecords.SAMPLE_IDENTIFIERS);
        assertThat(memo.known(7, first)).isEmpty();
        String fingerprint = memo.remember(7, first, BUILDER.build(first));
        assertThat(fingerprint).isEqualTo(RecordFingerprint.of(BUILDER.build(first)));

        // The same data read again for the next sheet, issued at another moment (even another day): known.
        RecordInput nextDay = input(with(TRANSCRIPT, TRANSCRIPT.subjects(), TRANSCRIPT.identity().issuedAt()
                .plus(Duration.ofDays(2))), SampleRecords.SAMPLE_IDENTIFIERS);
        assertThat(memo.known(7, nextDay)).contains(fingerprint);
        assertThat(RecordFingerprint.of(BUILDER.build(nextDay))).as("the issue date is outside the fingerprint too")
                .isEqualTo(fingerprint);

        // A corrected mark (the first subject's term I value): unknown, and its own fingerprint once built.
        List<SubjectRow> rows = new ArrayList<>(TRANSCRIPT.subjects());
        SubjectRow r = rows.get(0);
        rows.set(0, new SubjectRow(r.code(), r.name(), r.hk1().equals("9,0") ? "8,0" : "9,0", r.hk2(), r.year(),
                r.reassessment(), r.comment(), r.teacherName(), r.signedSheet()));
        RecordInput corrected = input(with(TRANSCRIPT, rows, TRANSCRIPT.identity().issuedAt()),
                SampleRecords.SAMPLE_IDENTIFIERS);
        assertThat(memo.known(7, corrected)).isEmpty();
        String correctedFingerprint = memo.remember(7, corrected, BUILDER.build(corrected));
        assertThat(correctedFingerprint).isNotEqualTo(fingerprint);
        assertThat(memo.known(7, first)).as("the data before the correction is no longer known").isEmpty();

        // A changed identifier (the clerk's register number) and another student are other inputs as well.
        var ids = SampleRecords.SAMPLE_IDENTIFIERS;
        assertThat(memo.known(7, input(with(TRANSCRIPT, rows, TRANSCRIPT.identity().issuedAt()),
                new RecordIdentifiers(ids.moetStudentCode(), ids.temporaryCode(), ids.schoolCode(), "99/2026")))).isEmpty();
        assertThat(memo.known(8, corrected)).isEmpty();
    }

    @Test
    void theMemoIsBoundedAndAStoredVersionIsHandedOutOnce() {
        RecordFingerprintMemo memo = new RecordFingerprintMemo(2);
        RecordInput input = input(TRANSCRIPT, SampleRecords.SAMPLE_IDENTIFIERS);
        Document built = BUILDER.build(input);
        for (long student = 1; student <= 3; student++) {
            memo.remember(student, input, built);
        }
        assertThat(memo.known(1, input)).as("the least recently used student is forgotten").isEmpty();
        assertThat(memo.known(3, input)).isPresent();

        RecentRecordDocuments recent = new RecentRecordDocuments(2);
        byte[] bytes = XmlDocuments.bytes(built);
        recent.keep("a", built, bytes);
        assertThat(recent.take("a")).hasValueSatisfying(kept -> {
            assertThat(kept.doc()).isSameAs(built);
            assertThat(kept.bytes()).isSameAs(bytes);
        });
        assertThat(recent.take("a")).as("a second signer of the same version reads the stored bytes").isEmpty();
        recent.keep("a", built, bytes);
        recent.keep("b", built, bytes);
        recent.keep("c", built, bytes);
        assertThat(recent.take("a")).isEmpty();
        assertThat(recent.take("c")).isPresent();
    }

    private static RecordInput input(TranscriptData t, RecordIdentifiers ids) {
        return new RecordInput(t, ids, Map.of());
    }

    private static TranscriptData with(TranscriptData t, List<SubjectRow> subjects, java.time.Instant issuedAt) {
        DocumentIdentity id = t.identity();
        return new TranscriptData(new DocumentIdentity(id.documentId(), id.version(), id.supersedes(), issuedAt),
                t.school(), t.student(), t.className(), t.grade(), t.schoolYear(), subjects, t.correctionCount(),
                t.correctedSubjects(), t.conduct(), t.learning(), t.absences(), t.promotion(), t.awards(),
                t.homeroomComment(), t.homeroomTeacher(), t.principalTitle(), t.principalName(), t.dateLine(),
                t.registerNumber(), t.promotionLine(), t.certificates(), t.competitions(), t.decision());
    }
}
