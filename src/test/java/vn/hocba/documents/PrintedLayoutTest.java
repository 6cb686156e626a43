package vn.hocba.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import vn.hocba.documents.sample.SampleDocuments;

/** What a reader sees on the printed page: labels apart from their values, no empty address parts. */
class PrintedLayoutTest {

    private static final float MILLIMETRE = 72f / 25.4f;

    @Test
    void theTwelveDigitPersonalIdEndsWellBeforeTheLabelMaHocSinhEvenBesideALongPlaceOfBirth() throws IOException {
        TranscriptData sample = (TranscriptData) RenderedSamples.data(DocumentKind.TRANSCRIPT);
        PrintedProfile p = sample.student();
        PrintedProfile asInTheDatabase = new PrintedProfile("HS00001", "001312100001", p.fullName(), p.sex(),
                p.dateOfBirth(), "Phường Dịch Vọng Hậu, Thành phố Hà Nội", p.ethnicity(), p.policyStatus(), p.address(),
                p.fatherName(), p.fatherOccupation(), p.motherName(), p.motherOccupation(), p.guardianName(),
                p.guardianOccupation());
        List<TextPosition> page = glyphs(new DocumentRenderer().renderToBytes(with(sample, "student", asInTheDatabase)));
        String text = page.stream().map(TextPosition::getUnicode).reduce("", String::concat);

        int id = text.indexOf("001312100001");
        int label = text.indexOf("Mã học sinh:");
        assertThat(id).isNotNegative();
        assertThat(label).isGreaterThan(id);
        TextPosition lastDigit = page.get(id + 11);
        float gap = page.get(label).getXDirAdj() - (lastDigit.getXDirAdj() + lastDigit.getWidthDirAdj());
        assertThat(gap / MILLIMETRE).as("millimetres between the id and \"Mã học sinh:\"").isGreaterThanOrEqualTo(2f);
    }

    @Test
    void anEmptyDistrictLeavesNoEmptyPartInTheSchoolLine() {
        TranscriptData sample = (TranscriptData) RenderedSamples.data(DocumentKind.TRANSCRIPT);
        SchoolInfo s = sample.school();
        SchoolInfo noDistrict = new SchoolInfo(s.authority(), s.name(), s.code(), s.province(), "", s.place());
        String text = RenderedSamples.text(new DocumentRenderer().renderToBytes(with(sample, "school", noDistrict)))
                .replaceAll("\\s+", " ");

        assertThat(text).contains("TRƯỜNG THCS MẪU, Thành phố Hà Nội").doesNotContain(", ,");
        assertThat(noDistrict.nameAndPlace()).isEqualTo("TRƯỜNG THCS MẪU, Thành phố Hà Nội");
        assertThat(s.nameAndPlace()).isEqualTo("TRƯỜNG THCS MẪU, Quận Cầu Giấy, Thành phố Hà Nội");
    }

    @Test
    void theYearReportCardShowsTermAndYearResultsTheRetestAndPromotionAndStaysPdfA() throws Exception {
        ReportCardData card = RenderedSamples.SAMPLES.yearReportCard(SampleDocuments.RETESTED_STUDENT);
        byte[] pdf = new DocumentRenderer().renderToBytes(card);
        String text = RenderedSamples.text(pdf).replaceAll("\\s+", " ");

        ReportCardYear.ReportCardYearRow retested = card.year().rows().stream().filter(r -> !r.retest().isEmpty())
                .findFirst().orElseThrow();
        assertThat(text).contains("Học kì I Học kì II Cả năm Kiểm tra lại", retested.subjectName() + " "
                + retested.term1() + " " + retested.term2() + " " + retested.year() + " " + retested.retest(),
                "Kết quả học tập cả năm: " + card.year().learning() + " Sau kiểm tra lại: " + card.year().reassessedLearning(),
                "Được lên lớp / Ở lại lớp: " + card.year().promotion());
        assertThat(text).doesNotContain("Giữa kì", "Cuối kì", "Đánh giá thường xuyên");
        var schema = javax.xml.validation.SchemaFactory.newDefaultInstance().newSchema(
                getClass().getClassLoader().getResource(DocumentKind.REPORT_CARD.schemaResource()));
        schema.newValidator().validate(new javax.xml.transform.stream.StreamSource(
                new java.io.ByteArrayInputStream(RenderedSamples.embeddedXml(pdf))));
        assertThat(PdfAValidation.failures(pdf)).as("PDF/A-3b failures").isEmpty();
    }

    /** The glyphs of the profile page (after the cover) in reading order. */
    private static List<TextPosition> glyphs(byte[] pdf) throws IOException {
        List<TextPosition> glyphs = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    glyphs.addAll(positions);
                }
            };
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            stripper.getText(document);
        }
        return glyphs;
    }

    /** A copy of the record with one component replaced. */
    @SuppressWarnings("unchecked")
    static <R extends Record> R with(R record, String component, Object value) {
        try {
            RecordComponent[] components = record.getClass().getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = components[i].getName().equals(component) ? value : components[i].getAccessor().invoke(record);
            }
            return (R) record.getClass().getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
