package vn.hocba.workflow;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.hocba.documents.AssessmentScope;
import vn.hocba.documents.ClassDocuments;
import vn.hocba.documents.DocumentKind;
import vn.hocba.gradebook.closing.YearClosure;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.signing.SubjectSheetSigning;
import vn.hocba.schoolyear.ClassId;

/**
 * Task_GenerateDocuments: checks in the domain records that the class's year is closed (never a
 * process variable), then issues the class's year documents except the transcripts and the class
 * gradebook, which refer to the signed sheets and so come after them (idempotent: unchanged
 * documents are not issued again; a generation cut short is resumed by the retried job), and
 * lists, per subject whose current sheet is not signed yet, the teaching assignments whose teachers
 * sign it, in signing order.
 */
@Component("generateClassDocuments")
class GenerateClassDocumentsDelegate implements JavaDelegate {

    /** The documents that refer to the signed subject result sheets (signing profile, decision 1). */
    static final Set<DocumentKind> AFTER_SHEETS_SIGNED =
            EnumSet.of(DocumentKind.TRANSCRIPT, DocumentKind.CLASS_GRADEBOOK);

    /** Everything of the year but what refers to the signed sheets. */
    static final Set<DocumentKind> BEFORE_SHEETS_SIGNED = EnumSet.complementOf(EnumSet.copyOf(AFTER_SHEETS_SIGNED));

    private final ClassDocuments documents;
    private final SubjectSheetSigning sheets;
    private final AccountNames names;
    private final YearClosure closure;
    private final SchoolDirectory directory;

    GenerateClassDocumentsDelegate(ClassDocuments documents, SubjectSheetSigning sheets, AccountNames names,
            YearClosure closure, SchoolDirectory directory) {
        this.names = names;
        this.documents = documents;
        this.sheets = sheets;
        this.closure = closure;
        this.directory = directory;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ClassId classId = ClassDocumentsDelegates.classId(execution);
        closure.requireClosed(directory.schoolClass(classId), ClassDocumentsDelegates.WHAT);
        documents.generate(classId, AssessmentScope.YEAR, ClassDocumentsDelegates.requester(execution),
                names, BEFORE_SHEETS_SIGNED);
        ArrayList<ArrayList<Long>> signers = new ArrayList<>();
        for (List<Long> subject : sheets.pendingSigningOrder(classId)) {
            signers.add(new ArrayList<>(subject));
        }
        execution.setVariable(ClassDocumentsModel.SHEET_SIGNERS, signers);
    }
}
