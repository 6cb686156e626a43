package vn.hocba.gradebook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.grading.ClassGradebook;
import vn.hocba.grading.json.GradebookJson;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.students.StudentRegistry;
import vn.hocba.gradebook.comments.CommentsJson;
import vn.hocba.gradebook.comments.StoredComments;
/**
 * A class's gradebook as {@code hocba.class-gradebook/1} text, as exported and as stored in a lock's
 * snapshot: the engine's document (marks, conduct, absences) plus each student's comments
 * ({@link CommentsJson}), added to the tree here so that the engine knows nothing of comments.
 */
@Service
public class GradebookExport {

    private final ClassGradebookAssembler assembler;
    private final StoredComments comments;
    private final StudentRegistry students;

    public GradebookExport(ClassGradebookAssembler assembler, StoredComments comments, StudentRegistry students) {
        this.assembler = assembler;
        this.comments = comments;
        this.students = students;
    }

    /** The class's gradebook as it is stored now. */
    @Transactional(readOnly = true)
    public String json(SchoolClass schoolClass) {
        return json(schoolClass, assembler.assemble(schoolClass));
    }

    /** The document of an already assembled gradebook of {@code schoolClass}, with the class's stored comments. */
    String json(SchoolClass schoolClass, ClassGradebook gradebook) {
        ObjectNode document = new GradebookJson().toTree(gradebook);
        Map<String, Long> ids = students.roster(schoolClass.id()).stream()
                .collect(Collectors.toMap(e -> e.student().profile().code(), e -> e.student().id().value()));
        CommentsJson.add(document, comments.ofClass(schoolClass), ids);
        return GradebookJson.text(document);
    }
}
