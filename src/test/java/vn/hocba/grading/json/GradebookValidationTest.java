package vn.hocba.grading.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.hocba.grading.ClassGradebook;
import vn.hocba.grading.Mark;
import vn.hocba.grading.MarkPolicy;
import vn.hocba.grading.StudentCode;
import vn.hocba.grading.SubjectCode;
import vn.hocba.grading.RandomClasses;

class GradebookValidationTest {

    private static JsonNode example() throws Exception {
        return GradebookJson.parse(ExampleClassResultsTest.resource("class-gradebook.7A1.json"));
    }

    private static ObjectNode term(JsonNode root, int student, String subject, String term) {
        return (ObjectNode) root.get("students").get(student).get("marks").get(subject).get(term);
    }

    private static InvalidGradebookException rejected(Consumer<ObjectNode> change) throws Exception {
        ObjectNode root = (ObjectNode) example();
        change.accept(root);
        return catchThrowableOfType(InvalidGradebookException.class,
                () -> new GradebookJson().read(root.toString()));
    }

    @Test
    void marksAreReadAsExactDecimals() throws Exception {
        ClassGradebook gradebook = new GradebookJson().read(ExampleClassResultsTest.resource("class-gradebook.7A1.json"));
        Mark mid = gradebook.students().get(0).marksOf(new SubjectCode("TOAN")).hk1().midterm();
        assertThat(((Mark.Score) mid).value()).isEqualTo(new BigDecimal("0.9"));
        assertThat(((Mark.Score) gradebook.students().get(0).marksOf(new SubjectCode("KHTN")).hk1().midterm())
                .value().toPlainString()).isEqualTo("8.0");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ';', value = {
        "midterm; 10.5;  Học sinh HS0001 (Trần Khánh), môn Toán (TOAN), HK1, ĐĐGgk: điểm 10.5 nằm ngoài khoảng 0–10",
        "midterm; -1;    Học sinh HS0001 (Trần Khánh), môn Toán (TOAN), HK1, ĐĐGgk: điểm -1 nằm ngoài khoảng 0–10",
        "final;   7.25;  Học sinh HS0001 (Trần Khánh), môn Toán (TOAN), HK1, ĐĐGck: điểm 7.25 có 2 chữ số thập phân",
        "final;   1E+1;  Học sinh HS0001 (Trần Khánh), môn Toán (TOAN), HK1, ĐĐGck: điểm 1E+1 viết dạng số mũ",
        "final;   \"Đ\"; Học sinh HS0001 (Trần Khánh), môn Toán (TOAN), HK1, ĐĐGck: môn Toán đánh giá bằng điểm số"})
    void aBadMarkIsNamedByStudentSubjectTermAndColumn(String field, String value, String message) throws Exception {
        InvalidGradebookException e = rejected(root -> term(root, 0, "TOAN", "HK1")
                .set(field, value.startsWith("\"") ? new TextNode(value.replace("\"", "")) : new DecimalNode(new BigDecimal(value))));
        assertThat(e.errors()).singleElement().asString().startsWith(message)
                .contains("students[0].marks.TOAN.HK1." + field);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1.0E1", "0.75e1", "8.0E0"})
    void aMarkWrittenWithAnExponentIsRefusedEvenWhenItsValueIsAWholeMark(String written) throws Exception {
        ObjectNode root = (ObjectNode) example();
        term(root, 0, "TOAN", "HK1").set("final", new TextNode("@mark@"));
        String text = root.toString().replace("\"@mark@\"", written);

        InvalidGradebookException e = catchThrowableOfType(InvalidGradebookException.class,
                () -> new GradebookJson().read(text));

        assertThat(e).as(written + " read as a mark").isNotNull();
        assertThat(e.errors()).singleElement().asString()
                .startsWith("Học sinh HS0001 (Trần Khánh), môn Toán (TOAN), HK1, ĐĐGck: điểm " + written
                        + " viết dạng số mũ");
    }

    @Test
    void aScoreInACommentSubjectIsRejected() throws Exception {
        InvalidGradebookException e = rejected(root -> ((ArrayNode) term(root, 1, "GDTC", "HK2").get("regular"))
                .set(1, new DecimalNode(new BigDecimal("8"))));
        assertThat(e.errors()).singleElement().asString().startsWith(
                "Học sinh HS0002 (Nguyễn Linh), môn Giáo dục thể chất (GDTC), HK2, ĐĐGtx 2: môn Giáo dục thể chất"
                        + " đánh giá bằng nhận xét nên chỉ nhận \"Đ\" hoặc \"CĐ\"");
    }

    @Test
    void anUnknownSubjectCodeIsRejected() throws Exception {
        InvalidGradebookException e = rejected(root -> ((ObjectNode) root.get("students").get(2).get("marks"))
                .set("TOAN_HOC", root.get("students").get(2).get("marks").get("TOAN")));
        assertThat(e.errors()).singleElement().asString()
                .startsWith("Học sinh HS0003 (Phạm Giang), môn TOAN_HOC: mã môn \"TOAN_HOC\" không có trong danh sách");
    }

    @Test
    void duplicateStudentCodesAreRejected() throws Exception {
        InvalidGradebookException e = rejected(root -> ((ObjectNode) root.get("students").get(2)).put("code", "HS0001"));
        assertThat(e.errors()).singleElement().asString().contains("HS0001", "mã học sinh bị trùng", "students[2]");
    }

    @Test
    void everyProblemOfTheDocumentIsReportedAtOnce() throws Exception {
        InvalidGradebookException e = rejected(root -> {
            term(root, 0, "TOAN", "HK1").put("midterm", 11);
            term(root, 1, "NGU_VAN", "HK2").put("final", "CĐ");
            ((ObjectNode) root.get("students").get(2).get("conduct")).put("HK1", "Tốt");
            ((ObjectNode) root.get("class")).put("grade", 13);
        });
        assertThat(e.errors()).hasSize(4);
        assertThat(e.errors()).anySatisfy(m -> assertThat(m).startsWith("Học sinh HS0003 (Phạm Giang), rèn luyện, HK1"));
        assertThat(e.errors()).anySatisfy(m -> assertThat(m).startsWith("lớp: trường \"grade\" phải là số nguyên từ 1 đến 12"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"format\": \"hocba.class-gradebook/1\",NEWLINE \"students\": [,]}| dòng 2, cột 15",
        "{\"a\": 1, \"a\": 2}| dòng 1, cột 13",
        "[1, 2| dòng 1, cột 6"})
    void malformedJsonIsReportedWithLineAndColumn(String json, String where) {
        InvalidGradebookException e = catchThrowableOfType(InvalidGradebookException.class,
                () -> new GradebookJson().read(json.replace("NEWLINE", "\n")));
        assertThat(e.errors()).singleElement().asString().startsWith("JSON không hợp lệ ở " + where)
                .doesNotContain("Source");
    }

    @Test
    void missingMarksAreNotErrorsButNullsInsideTheRegularListAre() throws Exception {
        ObjectNode root = (ObjectNode) example();
        term(root, 0, "TOAN", "HK1").putNull("final");
        ClassGradebook read = new GradebookJson().read(root.toString());
        assertThat(read.students().get(0).marksOf(new SubjectCode("TOAN")).hk1().endOfTerm()).isNull();
        InvalidGradebookException e = rejected(r -> ((ArrayNode) term(r, 0, "TOAN", "HK1").get("regular")).addNull());
        assertThat(e.errors()).singleElement().asString().contains("ĐĐGtx 5");
    }

    @Test
    void aSchoolCanRequireWholeRegularMarks() throws Exception {
        ObjectNode root = (ObjectNode) example();
        ((ArrayNode) term(root, 0, "TOAN", "HK1").get("regular")).set(0, new DecimalNode(new BigDecimal("8.5")));
        assertThat(new GradebookJson().read(root.toString()).students()).hasSize(3);
        assertThatThrownBy(() -> new GradebookJson(MarkPolicy.WHOLE_REGULAR_MARKS).read(root.toString()))
                .isInstanceOfSatisfying(InvalidGradebookException.class, e -> assertThat(e.errors()).singleElement()
                        .asString().contains("ĐĐGtx 1", "8.5", "số nguyên"));
    }

    @Test
    void aWrittenGradebookReadsBackToTheSameRecords() throws Exception {
        ClassGradebook generated = new RandomClasses(7).classOf(40);
        assertThat(new GradebookJson().read(new GradebookJson().write(generated))).isEqualTo(generated);
    }

    @Test
    void decomposedUnicodeLevelsAreAccepted() throws Exception {
        String nfd = java.text.Normalizer.normalize("CĐ", java.text.Normalizer.Form.NFD);
        ObjectNode root = (ObjectNode) example();
        term(root, 0, "GDTC", "HK1").put("final", nfd);
        assertThat(new GradebookJson().read(root.toString()).students().get(0).code()).isEqualTo(new StudentCode("HS0001"));
    }
}
