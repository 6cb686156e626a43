package vn.hocba.gradebook.comments;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.hocba.grading.ClassGradebook;
import vn.hocba.grading.RuleSets;
import vn.hocba.grading.json.GradebookJson;
import vn.hocba.grading.json.ResultsJson;

/** The comments extension of {@code hocba.class-gradebook/1}, without Spring or a database. */
class CommentsJsonTest {

    private static final GradebookJson ENGINE = new GradebookJson();

    @Test
    void theEngineReadsAnExportedDocumentWithCommentsAndComputesTheSameResultsAsWithout() throws Exception {
        ClassGradebook plain = ENGINE.read(example());
        String withComments = exportWithComments(plain);
        assertThat(withComments).contains("\"comments\"", "Tiến bộ nhiều ở phần hình học.");

        ClassGradebook read = ENGINE.read(withComments);

        assertThat(read).isEqualTo(plain);
        assertThat(new ResultsJson(false).write(RuleSets.standard().compute(read)))
                .isEqualTo(new ResultsJson(false).write(RuleSets.standard().compute(plain)));
    }

    @Test
    void theCommentsReadBackAsWrittenInSubjectThenPeriodOrderAndTheTextIsTheSameEveryTime() throws Exception {
        ClassGradebook plain = ENGINE.read(example());
        String exported = exportWithComments(plain);

        assertThat(exportWithComments(plain)).isEqualTo(exported);
        assertThat(CommentsJson.read(GradebookJson.parse(exported))).containsExactly(
                new CommentsJson.Typed(code(plain, 0), "TOAN", CommentPeriod.HK1, "Tiến bộ nhiều ở phần hình học."),
                new CommentsJson.Typed(code(plain, 0), "TOAN", CommentPeriod.CN, "Học tốt môn Toán."),
                new CommentsJson.Typed(code(plain, 0), null, CommentPeriod.HK2, "Ngoan, chăm chỉ."));
        assertThat(GradebookJson.parse(exported).path("students").get(1).has("comments")).isFalse();
    }

    /** The example class as exported, with three comments stored for its first student (subjects in document order). */
    private static String exportWithComments(ClassGradebook gradebook) {
        long firstStudent = 1;
        ClassComments stored = new ClassComments(Map.of(
                ClassComments.subjectKey(firstStudent, "TOAN", CommentPeriod.CN), "Học tốt môn Toán.",
                ClassComments.subjectKey(firstStudent, "TOAN", CommentPeriod.HK1), "Tiến bộ nhiều ở phần hình học."),
                Map.of(ClassComments.homeroomKey(firstStudent, CommentPeriod.HK2), "Ngoan, chăm chỉ."));
        ObjectNode document = ENGINE.toTree(gradebook);
        CommentsJson.add(document, stored, Map.of(code(gradebook, 0), firstStudent, code(gradebook, 1), 2L));
        return GradebookJson.text(document);
    }

    private static String code(ClassGradebook gradebook, int index) {
        return gradebook.students().get(index).code().value();
    }

    private static String example() throws IOException {
        try (InputStream in = CommentsJsonTest.class.getResourceAsStream("/formats/examples/class-gradebook.7A1.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
