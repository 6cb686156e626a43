package vn.hocba.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.hocba.documents.AssessmentScope;
import vn.hocba.documents.ClassDocuments;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.SubjectId;
import vn.hocba.schoolyear.TeachingAssignment;

/**
 * Task_GenerateDocuments: issues the class's year documents (idempotent: unchanged documents are
 * not issued again) and lists one teaching assignment per subject, whose teacher signs the sheet.
 */
@Component("generateClassDocuments")
class GenerateClassDocumentsDelegate implements JavaDelegate {

    private final ClassDocuments documents;
    private final SchoolDirectory directory;

    GenerateClassDocumentsDelegate(ClassDocuments documents, SchoolDirectory directory) {
        this.documents = documents;
        this.directory = directory;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ClassId classId = ClassDocumentsDelegates.classId(execution);
        documents.generate(classId, AssessmentScope.YEAR, ClassDocumentsDelegates.requester(execution));
        Map<SubjectId, Long> perSubject = new LinkedHashMap<>();
        for (TeachingAssignment a : directory.teachingAssignmentsOfClass(classId)) {
            perSubject.putIfAbsent(a.subject().id(), a.id());
        }
        execution.setVariable(ClassDocumentsModel.ASSIGNMENTS, new ArrayList<>(perSubject.values()));
    }
}
