package vn.hocba.web.marks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.hocba.grading.RuleSets;
import vn.hocba.grading.UnsupportedRuleSetException;
import vn.hocba.grading.json.GradebookJson;
import vn.hocba.grading.json.InvalidGradebookException;
import vn.hocba.grading.json.ResultsJson;

/**
 * Computes TT22 results for a posted class gradebook ({@code hocba.class-gradebook/1} →
 * {@code hocba.class-results/1}). Stateless: nothing is stored. The body is read as text so that
 * numbers stay exact decimals and syntax errors can name line and column.
 */
@RestController
@Tag(name = "Kết quả học tập", description = "Tính kết quả theo Thông tư 22 từ sổ điểm của một lớp (JSON)")
public class ResultsApiController {

    private final RuleSets ruleSets = RuleSets.standard();
    private final GradebookJson gradebooks = new GradebookJson();

    @PostMapping(path = "/api/results", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Tính kết quả học tập, rèn luyện, lên lớp và danh hiệu của một lớp",
            description = "Nhận một sổ điểm hocba.class-gradebook/1 (schema: /formats/class-gradebook.schema.json),"
                    + " trả về hocba.class-results/1 (schema: /formats/class-results.schema.json). Sổ điểm có lỗi"
                    + " bị từ chối toàn bộ (HTTP 400) với danh sách lỗi trong trường errors.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "Sổ điểm của một lớp, định dạng hocba.class-gradebook/1",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(type = "object", description = "hocba.class-gradebook/1"))),
            responses = {
                @ApiResponse(responseCode = "200", description = "Kết quả của lớp, định dạng hocba.class-results/1",
                        content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                                schema = @Schema(type = "object", description = "hocba.class-results/1"))),
                @ApiResponse(responseCode = "400", description = "Sổ điểm không hợp lệ; errors liệt kê từng lỗi"
                        + " (học sinh, môn, học kì, cột)",
                        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                schema = @Schema(implementation = ProblemDetail.class))),
                @ApiResponse(responseCode = "422", description = "Khối/năm học theo quy chế chưa được hỗ trợ",
                        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                schema = @Schema(implementation = ProblemDetail.class)))})
    public ResponseEntity<byte[]> results(@RequestBody String gradebook,
            @Parameter(description = "Thêm lời giải thích (tiếng Việt) cho từng kết quả")
            @RequestParam(defaultValue = "false") boolean explain) throws InvalidGradebookException {
        String json = new ResultsJson(explain).write(ruleSets.compute(gradebooks.read(gradebook)));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(json.getBytes(StandardCharsets.UTF_8));
    }

    @ExceptionHandler(InvalidGradebookException.class)
    ProblemDetail invalid(InvalidGradebookException e) {
        return problem(HttpStatus.BAD_REQUEST, "Sổ điểm không hợp lệ (" + e.errors().size()
                + " lỗi); chưa tính kết quả nào. Hãy sửa các lỗi trong errors rồi gửi lại.", e.errors());
    }

    @ExceptionHandler(UnsupportedRuleSetException.class)
    ProblemDetail unsupported(UnsupportedRuleSetException e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage(), List.of(e.getMessage()));
    }

    private static ProblemDetail problem(HttpStatus status, String detail, List<String> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status == HttpStatus.BAD_REQUEST ? "Sổ điểm không hợp lệ" : "Chưa hỗ trợ quy chế đánh giá");
        problem.setProperty("errors", errors);
        return problem;
    }
}
