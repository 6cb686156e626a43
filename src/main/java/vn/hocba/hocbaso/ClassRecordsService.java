package vn.hocba.hocbaso;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.w3c.dom.Document;
import vn.hocba.documents.YearTranscripts;
import vn.hocba.documents.YearTranscripts.StudentTranscript;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.SchoolId;
import vn.hocba.students.StudentId;

/**
 * The học bạ số records of a stored class: its readiness (who lacks what) and the unsigned record of
 * every student who lacks nothing, built from the same transcript data as the PDFs.
 */
@Service
public class ClassRecordsService {

    /** One student of the class: the problems that keep the record back (empty when it can be built). */
    public record StudentReadiness(long studentId, String studentCode, String fullName, List<String> missing) {
        public boolean ready() {
            return missing.isEmpty();
        }
    }

    private final YearTranscripts transcripts;
    private final StudentIdentifiers identifiers;
    private final SchoolDirectory directory;
    private final SubjectCodeTable subjectCodes;

    ClassRecordsService(YearTranscripts transcripts, StudentIdentifiers identifiers, SchoolDirectory directory,
            Environment environment) {
        this.transcripts = transcripts;
        this.identifiers = identifiers;
        this.directory = directory;
        this.subjectCodes = new SubjectCodeTable(Binder.get(environment)
                .bind("hocba.hocbaso.subject-codes", Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
    }

    public List<StudentReadiness> readiness(ClassId id) {
        RecordReadiness readiness = new RecordReadiness(subjectCodes);
        return inputs(id).stream().map(i -> new StudentReadiness(i.studentId, i.input.transcript().student().studentCode(),
                i.input.transcript().student().fullName(), readiness.missing(i.input))).toList();
    }

    /** The unsigned record of one student of the class. @throws RecordNotReadyException when something is missing */
    public Document record(ClassId id, long studentId) {
        return inputs(id).stream().filter(i -> i.studentId == studentId).findFirst()
                .map(i -> new RecordXml(subjectCodes).build(i.input))
                .orElseThrow(() -> vn.hocba.common.Rejected.notFound("Học sinh mã số " + studentId + " không học lớp này."));
    }

    private record Input(long studentId, RecordInput input) {
    }

    private List<Input> inputs(ClassId id) {
        SchoolId school = directory.year(directory.schoolClass(id).yearId()).schoolId();
        List<Input> inputs = new ArrayList<>();
        for (StudentTranscript t : transcripts.ofClass(id)) {
            inputs.add(new Input(t.studentId(), new RecordInput(t.data(),
                    identifiers.of(school, new StudentId(t.studentId())), t.subjectTeachers())));
        }
        return inputs;
    }
}
