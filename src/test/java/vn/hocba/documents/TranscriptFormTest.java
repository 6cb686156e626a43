package vn.hocba.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import vn.hocba.documents.sample.SampleDocuments;

/**
 * The transcript read as the TT22 THCS học bạ form (the PDF's text, page by page): cover with the
 * register number "…/THCS", profile with "Mã số định danh cá nhân", the form's fourteen subject rows,
 * the "Xác nhận" under the subject table, the year summary, the summer re-assessment box, the year-end
 * decision as the form's three options with the applicable one marked, the completion line of grade 9, the
 * cover's administrative unit by school year. Real data from a stored class: {@code ClassDocumentsOnPostgresTest}.
 */
class TranscriptFormTest {

    /** The form's three options, as printed (README, "Documents", names the sources). */
    static final String PROMOTED = "- Được lên lớp:";
    static final String AFTER_REASSESSMENT = "- Được lên lớp sau kiểm tra lại môn học hoặc rèn luyện trong hè:";
    static final String NOT_PROMOTED = "- Không được lên lớp:";
    static final String COMPLETION = "Nếu là lớp cuối cấp thì ghi Hoàn thành hay không hoàn thành chương trình trung học cơ sở:";

    /** The three options as the page's text reads them, the {@code marked} one (0, 1, 2; -1 none) followed by "X". */
    static String options(int marked) {
        List<String> options = List.of(PROMOTED, AFTER_REASSESSMENT, NOT_PROMOTED);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < options.size(); i++) {
            text.append(i == 0 ? "" : " ").append(options.get(i)).append(i == marked ? " X" : "");
        }
        return text.toString();
    }

    @Test
    void theSubjectTableHasTheFormsFourteenRowsInItsOrderWhateverTheSchoolsOrderKeepingOptionalOnesAndAppendingOthers() {
        List<SubjectRow> school = new ArrayList<>(RenderedSamples.SAMPLES.transcript(0).subjects());
        Collections.reverse(school);
        SubjectRow byName = new SubjectRow("NN2_PHAP", "Ngoại ngữ 2", "8,0", "8,5", "8,3", "", "", "Lê Văn Pháp");
        SubjectRow own = new SubjectRow("KY_NANG_SONG", "Kĩ năng sống", "Đ", "Đ", "Đ", "", "", "Vũ Thị Mai");
        school.add(0, own);
        school.add(3, byName);

        List<SubjectRow> printed = TranscriptForm.rows(school);

        assertThat(printed).hasSize(15);
        assertThat(printed.subList(0, 14)).extracting(SubjectRow::name).containsExactly("Ngữ văn", "Toán",
                "Ngoại ngữ 1", "Giáo dục công dân", "Lịch sử và Địa lí", "Khoa học tự nhiên", "Công nghệ", "Tin học",
                "Giáo dục thể chất", "Nghệ thuật", "Hoạt động trải nghiệm, hướng nghiệp",
                "Nội dung giáo dục của địa phương", "Tiếng dân tộc thiểu số", "Ngoại ngữ 2");
        assertThat(printed.get(1)).isSameAs(school.stream().filter(s -> s.code().equals("TOAN")).findFirst().orElseThrow());
        assertThat(printed.get(12)).as("optional row the student does not take: empty, no code, so no signature box")
                .isEqualTo(new SubjectRow("", "Tiếng dân tộc thiểu số", "", "", "", "", "", ""));
        assertThat(printed.get(13)).as("matched by its name").isSameAs(byName);
        assertThat(printed.get(14)).as("the school's own subject after the form's rows").isSameAs(own);
    }

    @Test
    void theRegisterNumberIsPrintedOnTheCoverFollowedByThcsOnce() {
        assertThat(TranscriptForm.coverNumber("12/2022")).isEqualTo("12/2022/THCS");
        assertThat(TranscriptForm.coverNumber(" 57/THCS ")).isEqualTo("57/THCS");
        assertThat(TranscriptForm.coverNumber("")).isEmpty();
        assertThat(TranscriptForm.coverNumber(null)).isEmpty();
    }

    @Test
    void theSampleTranscriptReadsAsTheFormPageByPage() {
        TranscriptData data = RenderedSamples.SAMPLES.transcript(0);
        List<String> pages = pages(RenderedSamples.pdf(DocumentKind.TRANSCRIPT));

        assertThat(pages).hasSize(4);
        // the cover as the TT22 form has it (templates/transcript.xhtml names the source)
        assertThat(pages.get(0)).as("a 2024-2025 cover names the district").contains("TRƯỜNG THCS: MẪU",
                "Huyện/Quận/Thị xã/Thành phố: Quận Cầu Giấy", "Tỉnh/Thành phố: Thành phố Hà Nội",
                "HỌC BẠ", "TRUNG HỌC CƠ SỞ", "Họ và tên học sinh: ĐẶNG THỊ ÁNH",
                "Số sổ đăng bộ PCGD: " + data.registerNumber() + "/THCS").doesNotContain("Xã/Phường/Đặc khu");
        assertThat(positions(pages.get(0), List.of("TRƯỜNG THCS:", "HỌC BẠ", "Họ và tên học sinh:", "Số sổ đăng bộ PCGD:")))
                .isSorted().doesNotContain(-1);
        assertThat(pages.get(1)).contains("Mã số định danh cá nhân: " + data.student().personalId(),
                "Mã học sinh: " + data.student().studentCode(), "QUÁ TRÌNH HỌC TẬP", "Số đăng bộ",
                "Tên trường, huyện (quận), tỉnh (thành phố)", "TRƯỜNG THCS MẪU, Quận Cầu Giấy, Thành phố Hà Nội");
        assertThat(pages.get(2)).contains("Môn học/Hoạt động giáo dục", "Điểm trung bình môn học hoặc mức đánh giá",
                "HK I HK II Cả năm", "Điểm hoặc mức đánh giá sau kiểm tra lại (nếu có)",
                "Trong trang này có sửa chữa ở: 1 chỗ, thuộc môn học, hoạt động giáo dục: Toán.");
        assertThat(positions(pages.get(2), TranscriptForm.ROWS.stream().map(TranscriptForm.FormRow::name).toList()))
                .as("the fourteen rows in the form's order").isSorted().doesNotContain(-1);
        assertThat(pages.get(2)).contains("Nội dung giáo dục của địa phương Đ Đ Đ",
                "Tiếng dân tộc thiểu số Ngoại ngữ 2 Trong trang này");
        assertThat(pages.get(2)).as("the confirmations under the subject table, homeroom teacher then principal")
                .contains("Toán. Xác nhận của giáo viên chủ nhiệm (Ký và ghi rõ họ tên) Phạm Thị Thanh Hương "
                        + "Xác nhận của Hiệu trưởng (Ký, ghi rõ họ tên và đóng dấu) Nguyễn Văn Đông");
        assertThat(pages.get(3)).contains("Học kì Kết quả rèn luyện Kết quả học tập Tổng số buổi nghỉ học cả năm học",
                "RÈN LUYỆN, KIỂM TRA LẠI TRONG HÈ (nếu có)",
                "Kết quả học tập sau kiểm tra lại: " + options(0) + " " + COMPLETION + " Chứng chỉ (nếu có):",
                "Kết quả tham gia các cuộc thi (nếu có): " + SampleDocuments.COMPETITION,
                "Khen thưởng (nếu có): Học sinh Giỏi", "NHẬN XÉT CỦA GIÁO VIÊN CHỦ NHIỆM",
                "PHÊ DUYỆT CỦA HIỆU TRƯỞNG", "(Ký, ghi rõ họ tên và đóng dấu)")
                .as("grade 7: the completion line stays empty").doesNotContain("Hoàn thành chương trình trung học cơ sở ");
    }

    @Test
    void theRetestedStudentsSummerBoxListsEachRetestedSubjectWithItsResultAndTheLevelAfterItAndStaysPdfA() throws Exception {
        TranscriptData data = RenderedSamples.SAMPLES.transcript(SampleDocuments.RETESTED_STUDENT);
        byte[] pdf = new DocumentRenderer().renderToBytes(data);
        String summary = pages(pdf).get(3);

        List<SubjectRow> retested = data.subjects().stream().filter(s -> !s.reassessment().isEmpty()).toList();
        assertThat(retested).isNotEmpty();
        String box = summary.substring(summary.indexOf("RÈN LUYỆN, KIỂM TRA LẠI TRONG HÈ"), summary.indexOf(PROMOTED));
        for (SubjectRow s : retested) {
            assertThat(box).contains(s.name() + ": " + s.reassessment());
        }
        assertThat(box).contains("Kết quả học tập sau kiểm tra lại: " + data.learning().reassessed());
        assertThat(data.learning().reassessed()).isNotEmpty();
        assertThat(summary).as("promoted after the retest: the second option marked").contains(options(1) + " " + COMPLETION);
        assertThat(PdfAValidation.failures(pdf)).as("PDF/A-3b failures").isEmpty();
    }

    @Test
    void aGradeNineTranscriptOf2025To2026PrintsTheCommuneTheCompletionOfThcsAndACoverWithoutRegisterNumberLeavesItToBeWrittenIn() {
        TranscriptData sample = RenderedSamples.SAMPLES.transcript(1);
        SchoolInfo school = new SchoolInfo(sample.school().authority(), sample.school().name(), sample.school().code(),
                sample.school().province(), "Quận Cầu Giấy", sample.school().place(), "Phường Nghĩa Đô");
        TranscriptData nine = PrintedLayoutTest.with(PrintedLayoutTest.with(PrintedLayoutTest.with(
                PrintedLayoutTest.with(PrintedLayoutTest.with(sample, "grade", "9"), "promotionLine", TranscriptForm.COMPLETED),
                "registerNumber", ""), "schoolYear", "2025-2026"), "school", school);
        List<String> pages = pages(new DocumentRenderer().renderToBytes(nine));

        assertThat(pages.get(0)).as("from 2025-2026 the cover names the commune (two-level local government)")
                .contains("Xã/Phường/Đặc khu: Phường Nghĩa Đô", "Tỉnh/Thành phố: Thành phố Hà Nội",
                        "Số sổ đăng bộ PCGD: ……………/THCS")
                .doesNotContain("Huyện/Quận", "Quận Cầu Giấy");
        assertThat(pages.get(1)).contains("Tên trường, xã (phường, đặc khu), tỉnh (thành phố)",
                "TRƯỜNG THCS MẪU, Phường Nghĩa Đô, Thành phố Hà Nội");
        assertThat(pages.get(3)).contains(options(0) + " " + COMPLETION + " Hoàn thành chương trình trung học cơ sở Chứng chỉ");
    }

    @Test
    void theDecisionMarksExactlyTheApplicableOptionAndNoneWhilePendingAndTheUnitFollowsTheSchoolYear() {
        assertThat(TranscriptForm.options(TranscriptForm.Decision.NOT_PROMOTED)).extracting(TranscriptForm.DecisionOption::marked)
                .containsExactly(false, false, true);
        assertThat(TranscriptForm.options(TranscriptForm.Decision.UNDECIDED)).extracting(TranscriptForm.DecisionOption::marked)
                .containsExactly(false, false, false);
        assertThat(TranscriptForm.twoLevelLocalGovernment("2024-2025")).isFalse();
        assertThat(TranscriptForm.twoLevelLocalGovernment("2025-2026")).isTrue();
        assertThat(TranscriptForm.twoLevelLocalGovernment("2031-2032")).isTrue();
    }

    /** The text of each page, whitespace runs as one space, without the running footer. */
    static List<String> pages(byte[] pdf) {
        List<String> pages = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(document).replace('\u00a0', ' ').replaceAll("\\s+", " ");
                pages.add(text.replaceFirst("^.*? Trang " + page + "/\\d+ ", "").strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    /** Where each name first appears after the previous one's position (-1 when missing). */
    static List<Integer> positions(String text, List<String> names) {
        List<Integer> at = new ArrayList<>();
        int from = 0;
        for (String name : names) {
            int i = text.indexOf(name + " ", from);
            at.add(i);
            from = Math.max(from, i + 1);
        }
        return at;
    }
}
