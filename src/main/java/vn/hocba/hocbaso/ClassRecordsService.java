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

    /** A student who lacks nothing: what their unsigned record is built from ({@link #build}). */
    public record ReadyInput(long studentId, String studentCode, String fullName, RecordInput input) {
    }

    /**
     * What the unsigned record of every student of the class who lacks nothing is built from, and the
     * readiness of the others (what keeps their record back), from one reading of the class.
     */
    public ReadyRecords readyRecords(ClassId id) {
        RecordReadiness readiness = new RecordReadiness(subjectCodes);
        List<ReadyInput> ready = new ArrayList<>();
        List<StudentReadiness> notReady = new ArrayList<>();
        for (Input i : inputs(id)) {
            var student = i.input.transcript().student();
            List<String> missing = readiness.missing(i.input);
            if (missing.isEmpty()) {
                ready.add(new ReadyInput(i.studentId, student.studentCode(), student.fullName(), i.input));
            } else {
                notReady.add(new StudentReadiness(i.studentId, student.studentCode(), student.fullName(), missing));
            }
        }
        return new ReadyRecords(ready, notReady);
    }

    /** The records that can be built and the students whose record cannot (yet). */
    public record ReadyRecords(List<ReadyInput> ready, List<StudentReadiness> notReady) {
    }

    /** The unsigned record built from {@code input} (of a student who lacks nothing). */
    Document build(RecordInput input) {
        return new RecordXml(subjectCodes).build(input);
    }

    /** The national code of a HocBa subject code ({@link SubjectCodeTable}, with this school's overrides). */
    public java.util.Optional<String> nationalSubjectCode(String subjectCode) {
        return subjectCodes.nationalCode(subjectCode);
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
        List<StudentTranscript> ofClass = transcripts.ofClass(id);
        Map<Long, RecordIdentifiers> ids = identifiers.ofStudents(school,
                ofClass.stream().map(StudentTranscript::studentId).toList());
        List<Input> inputs = new ArrayList<>();
        for (StudentTranscript t : ofClass) {
            inputs.add(new Input(t.studentId(), new RecordInput(t.data(), ids.get(t.studentId()), t.subjectTeachers())));
        }
        return inputs;
    }
}
