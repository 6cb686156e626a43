package vn.hocba.documents.records;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.UnaryOperator;
import vn.hocba.documents.Correction;
import vn.hocba.documents.CorrectionRecordData;
import vn.hocba.documents.DocumentIdentity;
import vn.hocba.documents.SchoolInfo;
import vn.hocba.gradebook.corrections.CorrectionRequest;
import vn.hocba.grading.Mark;

/** The correction record (biên bản sửa điểm, seed 001 §5) of the corrections applied in a class. */
final class CorrectionPages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final ClassRecords c;
    private final SchoolInfo school;
    private final UnaryOperator<String> names;

    /** @param names the full name of the person behind an account name (who requested, confirmed, approved) */
    CorrectionPages(ClassRecords records, SchoolInfo school, UnaryOperator<String> names) {
        this.c = records;
        this.school = school;
        this.names = names;
    }

    CorrectionRecordData record(DocumentIdentity id, String dateLine) {
        List<Correction> corrections = c.corrections().stream().map(this::correction).toList();
        return new CorrectionRecordData(id, school, c.schoolClass().code(), c.year().name(), corrections,
                c.homeroomTeacher(), ClassPages.PRINCIPAL_TITLE, c.principalName(), dateLine);
    }

    private Correction correction(CorrectionRequest r) {
        String student = c.roster().stream().filter(e -> e.student().id().value() == r.studentId())
                .map(e -> e.student().profile().fullName()).findFirst().orElse("");
        return new Correction(student, c.subjectNames().getOrDefault(r.subjectId(), ""), assessment(r),
                value(r.oldValue()), value(r.newValue()), PrintedValues.text(r.reason()), person(r.requestedBy()),
                time(r.requestedAt()), person(r.confirmedBy()), time(r.confirmedAt()), person(r.decidedBy()),
                time(r.decidedAt()));
    }

    /** "ĐĐGtx 3 HK I", "ĐĐGgk HK II", "ĐĐGck HK I". */
    static String assessment(CorrectionRequest r) {
        String term = r.term() == 1 ? " HK I" : " HK II";
        return switch (r.kind()) {
            case REGULAR -> "ĐĐGtx " + r.column() + term;
            case MIDTERM -> "ĐĐGgk" + term;
            case FINAL -> "ĐĐGck" + term;
        };
    }

    /** As the gradebook prints it: "9" for a stored 9.0, "7,5", "Đ". */
    private static String value(String stored) {
        if (stored == null) {
            return "";
        }
        return stored.matches("\\d+(\\.\\d+)?") ? PrintedValues.entered(new Mark.Score(new BigDecimal(stored))) : stored;
    }

    private String person(String username) {
        return username == null ? "" : PrintedValues.text(names.apply(username));
    }

    private static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }
}
