package vn.hocba.hocbaso;

import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import vn.hocba.documents.DocumentIdentity;
import vn.hocba.documents.TranscriptData;

/**
 * The fingerprint ({@link RecordFingerprint}) of each student's unsigned record, remembered with the exact
 * input it was built from, so that the sheet signatures of one class (one per teacher and subject, each
 * comparing every record of the class with its stored version) build and fingerprint a record only when
 * its input changed. The input is the key, compared by value (every part of {@link RecordInput} is a Java
 * record, a list, a map or a string): any change of marks, profile, identifiers, teachers or the school that
 * reaches the record is a different key, so a record is never compared on stale data. What a record states
 * apart from its issue date depends on nothing else (the subject code table is fixed at start-up), and the
 * issue date is left out of the key as it is out of the fingerprint. Bounded: the least recently used
 * students are forgotten ({@code hocba.hocbaso.fingerprint-memo}, default 2,400 students).
 */
@Component
class RecordFingerprintMemo {

    private static final java.time.Instant NO_TIME = java.time.Instant.EPOCH;

    private record Remembered(RecordInput input, String fingerprint) {
    }

    private final LeastRecentlyUsed<Long, Remembered> byStudent;

    RecordFingerprintMemo(@Value("${hocba.hocbaso.fingerprint-memo:2400}") int capacity) {
        this.byStudent = new LeastRecentlyUsed<>(capacity);
    }

    /** The fingerprint of the record built from {@code input}, when it was computed for this very input. */
    Optional<String> known(long studentId, RecordInput input) {
        RecordInput key = key(input);
        return byStudent.get(studentId).filter(r -> r.input().equals(key)).map(Remembered::fingerprint);
    }

    /** The fingerprint of {@code built}, the record built from {@code input}; remembered for the next time. */
    String remember(long studentId, RecordInput input, Document built) {
        String fingerprint = RecordFingerprint.of(built);
        byStudent.put(studentId, new Remembered(key(input), fingerprint));
        return fingerprint;
    }

    /** The input without its moment of issue (which only gives the record's issue date, left out of the fingerprint). */
    private static RecordInput key(RecordInput input) {
        TranscriptData t = input.transcript();
        DocumentIdentity id = t.identity();
        TranscriptData timeless = new TranscriptData(new DocumentIdentity(id.documentId(), id.version(), id.supersedes(),
                NO_TIME), t.school(), t.student(), t.className(), t.grade(), t.schoolYear(), t.subjects(),
                t.correctionCount(), t.correctedSubjects(), t.conduct(), t.learning(), t.absences(), t.promotion(),
                t.awards(), t.homeroomComment(), t.homeroomTeacher(), t.principalTitle(), t.principalName(), t.dateLine(),
                t.registerNumber(), t.promotionLine(), t.certificates(), t.competitions(), t.decision());
        return new RecordInput(timeless, input.identifiers(), input.subjectTeachers());
    }
}
