package vn.hocba.grading.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import vn.hocba.grading.Mark;
import vn.hocba.grading.MarkPolicy;
import vn.hocba.grading.Subject;
import vn.hocba.grading.SubjectMarks;
import vn.hocba.grading.Term;
import vn.hocba.grading.TermMarks;
import java.util.stream.IntStream;

/** Reads the marks of one student in one subject, checking each mark against the subject's kind. */
final class MarkReader {

    private static final String[] REGULAR_LABELS = IntStream.range(0, 16)
            .mapToObj(n -> "ĐĐGtx " + n).toArray(String[]::new);

    private final MarkPolicy policy;

    MarkReader(MarkPolicy policy) {
        this.policy = policy;
    }

    SubjectMarks subject(JsonNode node, Subject subject, Place place) {
        if (!node.isObject()) {
            place.problem("điểm của môn phải là một đối tượng JSON có HK1, HK2, retest");
            return null;
        }
        TermMarks hk1 = term(node, Term.HK1, subject, place);
        TermMarks hk2 = term(node, Term.HK2, subject, place);
        Mark retest = optional(node, "retest", subject, false, place.field("retest", "điểm kiểm tra lại"));
        return new SubjectMarks(hk1, hk2, retest);
    }

    private TermMarks term(JsonNode parent, Term term, Subject subject, Place subjectPlace) {
        JsonNode node = parent.get(term.name());
        Place place = subjectPlace.field(term.name(), term.name());
        if (node == null) {
            return TermMarks.NONE;
        }
        if (!node.isObject()) {
            place.problem("phải là một đối tượng JSON có regular, midterm, final");
            return TermMarks.NONE;
        }
        return new TermMarks(regular(node, subject, place),
                optional(node, "midterm", subject, false, place.field("midterm", "ĐĐGgk")),
                optional(node, "final", subject, false, place.field("final", "ĐĐGck")));
    }

    private List<Mark> regular(JsonNode termNode, Subject subject, Place termPlace) {
        JsonNode node = termNode.get("regular");
        Place place = termPlace.field("regular", "");
        if (node == null || !node.isArray()) {
            place.problem("thiếu danh sách điểm đánh giá thường xuyên \"regular\" (mảng, có thể rỗng)");
            return List.of();
        }
        List<Mark> marks = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            Place at = termPlace.field("regular", "").element(i, regularLabel(i + 1));
            if (node.get(i).isNull()) {
                at.problem("ô điểm trống trong danh sách; chỉ ghi các điểm đã có, không ghi null");
                continue;
            }
            Mark mark = mark(node.get(i), subject, true, at);
            if (mark != null) {
                marks.add(mark);
            }
        }
        return marks;
    }

    private static String regularLabel(int n) {
        return n < REGULAR_LABELS.length ? REGULAR_LABELS[n] : "ĐĐGtx " + n;
    }

    /** A mark that may be absent or null ("not entered yet"). */
    private Mark optional(JsonNode parent, String field, Subject subject, boolean regular, Place place) {
        JsonNode node = parent.get(field);
        return node == null || node.isNull() ? null : mark(node, subject, regular, place);
    }

    private Mark mark(JsonNode node, Subject subject, boolean regular, Place place) {
        if (subject.scored()) {
            if (!node.isNumber()) {
                place.problem("môn " + subject.name() + " đánh giá bằng điểm số nên cần một số từ 0 đến 10, không phải "
                        + node);
                return null;
            }
            if (node instanceof JsonText.ExponentNumber || node.decimalValue().scale() < 0) {
                // 1E1 is 10 to a parser, but no one writes a mark so: a typo or a program's bug, said rather than guessed
                String written = node instanceof JsonText.ExponentNumber e ? e.written() : node.toString();
                place.problem("điểm " + written + " viết dạng số mũ; hãy viết điểm bằng chữ số, ví dụ "
                        + node.decimalValue().toPlainString());
                return null;
            }
            String problem = policy.problem(node.decimalValue(), regular);
            if (problem != null) {
                place.problem(problem);
                return null;
            }
            return new Mark.Score(node.decimalValue());
        }
        Mark.Comment comment = node.isTextual() ? Mark.Comment.ofCode(Fields.nfc(node.textValue())) : null;
        if (comment == null) {
            place.problem("môn " + subject.name() + " đánh giá bằng nhận xét nên chỉ nhận \"Đ\" hoặc \"CĐ\", không phải "
                    + node);
        }
        return comment;
    }
}
