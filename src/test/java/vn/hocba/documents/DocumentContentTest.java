package vn.hocba.documents;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.ByteArrayInputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class DocumentContentTest {

    @ParameterizedTest
    @EnumSource(DocumentKind.class)
    void embeddedXmlValidatesAgainstItsPublishedSchema(DocumentKind kind) throws Exception {
        byte[] xml = RenderedSamples.embeddedXml(RenderedSamples.pdf(kind));
        var schema = SchemaFactory.newDefaultInstance().newSchema(
                getClass().getClassLoader().getResource(kind.schemaResource()));
        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
        assertThat(parse(xml).getDocumentElement().getNamespaceURI()).isEqualTo(kind.namespace());
    }

    @Test
    void embeddedTranscriptXmlHoldsTheSubjectResultsOfTheData() throws Exception {
        TranscriptData data = (TranscriptData) RenderedSamples.data(DocumentKind.TRANSCRIPT);
        Document xml = parse(RenderedSamples.embeddedXml(RenderedSamples.pdf(DocumentKind.TRANSCRIPT)));
        NodeList subjects = xml.getElementsByTagNameNS(DocumentKind.TRANSCRIPT.namespace(), "subject");
        List<String> fromXml = new ArrayList<>();
        for (int i = 0; i < subjects.getLength(); i++) {
            var subject = (org.w3c.dom.Element) subjects.item(i);
            if (subject.hasAttribute("code")) {
                fromXml.add(subject.getAttribute("code") + "=" + text(subject, "year"));
            }
        }
        assertThat(fromXml).containsExactlyElementsOf(
                data.subjects().stream().map(s -> s.code() + "=" + s.year()).toList());
        assertThat(text(xml.getDocumentElement(), "fullName")).isEqualTo("Đặng Thị Ánh");
    }

    @Test
    void embeddedClassGradebookXmlHoldsEveryStudentsYearResultOfEverySubject() throws Exception {
        ClassGradebookData data = (ClassGradebookData) RenderedSamples.data(DocumentKind.CLASS_GRADEBOOK);
        Document xml = parse(RenderedSamples.embeddedXml(RenderedSamples.pdf(DocumentKind.CLASS_GRADEBOOK)));
        NodeList marks = xml.getElementsByTagNameNS(DocumentKind.CLASS_GRADEBOOK.namespace(), "marks");
        List<String> fromXml = new ArrayList<>();
        for (int i = 0; i < marks.getLength(); i++) {
            var row = (org.w3c.dom.Element) marks.item(i);
            fromXml.add(row.getAttribute("student") + "=" + text(row, "year"));
        }
        List<String> expected = data.subjects().stream().flatMap(s -> s.rows().stream())
                .map(r -> r.studentName() + "=" + r.yearResult()).toList();
        assertThat(fromXml).hasSize(12 * 40).containsExactlyElementsOf(expected);
    }

    @Test
    void embeddedXmlHashIsTheContentHashPrintedOnEveryPage() throws Exception {
        byte[] pdf = RenderedSamples.pdf(DocumentKind.TRANSCRIPT);
        String hash = java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(RenderedSamples.embeddedXml(pdf)));
        String text = RenderedSamples.text(pdf);
        int pages;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            pages = document.getNumberOfPages();
        }
        assertThat(pages).as("cover, profile and the year's two pages").isEqualTo(4);
        assertThat(text.split("SHA-256 dữ liệu: " + hash.substring(0, 16), -1)).hasSize(pages + 1);
        assertThat(text).contains("Xác minh tại: http://localhost:8080/xac-minh/HB-01001-2024-2025-HS7A1001-v1");
    }

    @Test
    void xmpMetadataNamesTheDocumentVersionAndItsEmbeddedDataFile() throws Exception {
        try (PDDocument document = Loader.loadPDF(RenderedSamples.pdf(DocumentKind.TRANSCRIPT))) {
            String xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(xmp).contains("<pdfaid:part>3</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>",
                    "<hocba:DocumentId>HB-01001-2024-2025-HS7A1001</hocba:DocumentId>",
                    "<hocba:DocumentVersion>1</hocba:DocumentVersion>",
                    "<hocba:DocumentFileName>hocba-transcript.xml</hocba:DocumentFileName>",
                    "<pdfaSchema:namespaceURI>urn:hocba:pdfa:1#</pdfaSchema:namespaceURI>");
        }
    }

    @Test
    void embeddedDataIsAnAssociatedXmlFileOfTheCatalog() throws Exception {
        try (PDDocument document = Loader.loadPDF(RenderedSamples.pdf(DocumentKind.CLASS_GRADEBOOK))) {
            COSArray af = document.getDocumentCatalog().getCOSObject().getCOSArray(COSName.getPDFName("AF"));
            COSDictionary spec = (COSDictionary) af.getObject(0);
            assertThat(spec.getNameAsString("AFRelationship")).isEqualTo("Data");
            assertThat(spec.getString(COSName.UF)).isEqualTo("hocba-class-gradebook.xml");
            COSDictionary file = spec.getCOSDictionary(COSName.EF).getCOSStream(COSName.F);
            assertThat(file.getNameAsString(COSName.SUBTYPE)).isEqualTo("application/xml");
            assertThat(file.getCOSDictionary(COSName.PARAMS).getDate(COSName.MOD_DATE)).isNotNull();
        }
    }

    @Test
    void transcriptTextShowsNamesSubjectsAndLevelsInComposedVietnamese() {
        String text = RenderedSamples.text(RenderedSamples.pdf(DocumentKind.TRANSCRIPT));
        assertThat(text).contains("ĐẶNG THỊ ÁNH", "Trong trang này có sửa chữa ở: 1 chỗ, thuộc môn học, hoạt động giáo dục: Toán.",
                "Khoa học tự nhiên", "Giáo dục thể chất", "Lịch sử và Địa lí", "Tốt",
                "Được lên lớp", "Học sinh Giỏi", "Dương Thị Ỷ Lan", "Lữ Thị Hồng Nhung",
                "Xác nhận của giáo viên chủ nhiệm", "Xác nhận của Hiệu trưởng", "Huyện/Quận/Thị xã/Thành phố",
                "Nếu là lớp cuối cấp thì ghi Hoàn thành hay không hoàn thành chương trình trung học cơ sở:");
        assertThat(text.replace('\u00a0', ' ').replaceAll("\\s+", " ")).as("the sample student was promoted: the first option marked")
                .contains("- Được lên lớp: X - Được lên lớp sau kiểm tra lại môn học hoặc rèn luyện trong hè: - Không được lên lớp:");
        assertThat(text).isEqualTo(Normalizer.normalize(text, Normalizer.Form.NFC));
    }

    @Test
    void classGradebookTextShowsEveryStudentAndTheFailedLearningLevel() {
        String text = RenderedSamples.text(RenderedSamples.pdf(DocumentKind.CLASS_GRADEBOOK));
        ClassGradebookData data = (ClassGradebookData) RenderedSamples.data(DocumentKind.CLASS_GRADEBOOK);
        data.students().forEach(s -> assertThat(text).contains(s.fullName()));
        assertThat(text).contains("Hoàng Ngọc Ỷ", "Lữ Quang Vũ", "Chưa đạt", "Được lên lớp sau kiểm tra lại",
                "THEO DÕI CHUYÊN CẦN — THÁNG 9/2024", "MÔN: HOẠT ĐỘNG TRẢI NGHIỆM, HƯỚNG NGHIỆP");
    }

    @Test
    void decomposedInputIsRenderedAsComposedText() {
        TranscriptData sample = RenderedSamples.SAMPLES.transcript(1);
        PrintedProfile p = sample.student();
        String nfd = Normalizer.normalize("Đặng Thị Ữ Ỷ", Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo("Đặng Thị Ữ Ỷ");
        PrintedProfile decomposed = new PrintedProfile(p.studentCode(), p.personalId(), nfd, p.sex(), p.dateOfBirth(),
                p.placeOfBirth(), p.ethnicity(), p.policyStatus(), p.address(), p.fatherName(), p.fatherOccupation(),
                p.motherName(), p.motherOccupation(), p.guardianName(), p.guardianOccupation());
        TranscriptData data = new TranscriptData(sample.identity(), sample.school(), decomposed, sample.className(),
                sample.grade(), sample.schoolYear(), sample.subjects(), 0, List.of(), sample.conduct(),
                sample.learning(), sample.absences(), sample.promotion(), sample.awards(), sample.homeroomComment(),
                sample.homeroomTeacher(), sample.principalTitle(), sample.principalName(), sample.dateLine());
        byte[] pdf = new DocumentRenderer().renderToBytes(data);
        assertThat(RenderedSamples.text(pdf)).contains("ĐẶNG THỊ Ữ Ỷ", "Đặng Thị Ữ Ỷ");
        assertThat(new String(RenderedSamples.embeddedXml(pdf), java.nio.charset.StandardCharsets.UTF_8))
                .contains("<fullName>Đặng Thị Ữ Ỷ</fullName>");
    }

    @ParameterizedTest
    @EnumSource(DocumentKind.class)
    void everyFontIsEmbeddedLiberationSerifAndNoneIsAStandardFont(DocumentKind kind) throws Exception {
        try (PDDocument document = Loader.loadPDF(RenderedSamples.pdf(kind))) {
            List<String> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                    fonts.add(font.getName());
                }
            }
            assertThat(fonts).isNotEmpty().allMatch(f -> f.matches("[A-Z]{6}\\+LiberationSerif.*"));
        }
    }

    @Test
    void transcriptHasEmptySignatureFieldsForEveryTeacherTheHomeroomTeacherPrincipalAndSeal() throws Exception {
        TranscriptData data = (TranscriptData) RenderedSamples.data(DocumentKind.TRANSCRIPT);
        List<String> expected = new ArrayList<>(data.subjects().stream().map(s -> "gvbm_" + s.code()).toList());
        expected.addAll(List.of("gvcn", "con_dau", "hieu_truong"));
        try (PDDocument document = Loader.loadPDF(RenderedSamples.pdf(DocumentKind.TRANSCRIPT))) {
            List<PDField> fields = document.getDocumentCatalog().getAcroForm().getFields();
            assertThat(fields).map(PDField::getFullyQualifiedName).containsExactlyInAnyOrderElementsOf(expected);
            for (PDField field : fields) {
                PDSignatureField sig = (PDSignatureField) field;
                assertThat(sig.getSignature()).isNull();
                var widget = sig.getWidgets().get(0);
                assertThat(widget.isPrinted()).isTrue();
                assertThat(widget.getRectangle().getWidth()).isGreaterThan(50);
                assertThat(widget.getPage()).isNotNull();
                // signing keeps this /BBox: one a hair off the /Rect would be scaled by viewers
                var empty = widget.getAppearance().getNormalAppearance().getAppearanceStream().getBBox();
                assertThat(new float[] {empty.getWidth(), empty.getHeight()}).as(field.getPartialName())
                        .containsExactly(widget.getRectangle().getWidth(), widget.getRectangle().getHeight());
            }
            PDSignatureField principal = (PDSignatureField) document.getDocumentCatalog().getAcroForm().getField("hieu_truong");
            assertThat(document.getPages().indexOf(principal.getWidgets().get(0).getPage()))
                    .isEqualTo(document.getNumberOfPages() - 1);
        }
    }

    @Test
    void classGradebookHasOneSignatureFieldPerTeacherOfEachSubject() throws Exception {
        try (PDDocument document = Loader.loadPDF(RenderedSamples.pdf(DocumentKind.CLASS_GRADEBOOK))) {
            assertThat(document.getDocumentCatalog().getAcroForm().getFields()).map(PDField::getFullyQualifiedName)
                    .contains("gvbm_TOAN", "gvbm_NGU_VAN", "gvbm_GDDP", "gvbm_LS_DL_1", "gvbm_LS_DL_2", "gvcn",
                            "hieu_truong", "con_dau")
                    .doesNotContain("gvbm_LS_DL").hasSize(16);
        }
        try (PDDocument document = Loader.loadPDF(RenderedSamples.pdf(DocumentKind.SUBJECT_RESULT_SHEET))) {
            assertThat(document.getDocumentCatalog().getAcroForm().getFields()).map(PDField::getFullyQualifiedName)
                    .containsExactly("gvbm_TOAN");
        }
    }

    @Test
    void aRowSignedThroughTheClassResultSheetNamesThatSheetAndItsHash() throws Exception {
        TranscriptData sample = RenderedSamples.SAMPLES.transcript(0);
        String sheetHash = "3f".repeat(32);
        List<SubjectRow> rows = new ArrayList<>(sample.subjects());
        rows.set(1, rows.get(1).withSignedSheet(new SignedSheetReference("SO-01001-2024-2025-7A1-TOAN-v1", sheetHash)));
        TranscriptData data = new TranscriptData(sample.identity(), sample.school(), sample.student(),
                sample.className(), sample.grade(), sample.schoolYear(), rows, sample.correctionCount(),
                sample.correctedSubjects(), sample.conduct(), sample.learning(), sample.absences(), sample.promotion(),
                sample.awards(), sample.homeroomComment(), sample.homeroomTeacher(), sample.principalTitle(),
                sample.principalName(), sample.dateLine());
        byte[] pdf = new DocumentRenderer().renderToBytes(data);
        // The note wraps inside its cell: compare without line breaks and spaces.
        assertThat(RenderedSamples.text(pdf).replaceAll("\\s", ""))
                .contains("ĐãkýbảngkếtquảSO-01001-2024-2025-7A1-TOAN-v1(SHA-2563f3f3f3f3f3f3f3f…)");
        byte[] xml = RenderedSamples.embeddedXml(pdf);
        SchemaFactory.newDefaultInstance().newSchema(getClass().getClassLoader()
                .getResource(DocumentKind.TRANSCRIPT.schemaResource()))
                .newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
        assertThat(new String(xml, java.nio.charset.StandardCharsets.UTF_8))
                .contains("<signedSheet versionLabel=\"SO-01001-2024-2025-7A1-TOAN-v1\" sha256=\"" + sheetHash + "\"");
    }

    @Test
    void aMarksTableOfTheClassGradebookRefersToTheSignedResultSheetInsteadOfATeacherBox() throws Exception {
        ClassGradebookData sample = (ClassGradebookData) RenderedSamples.data(DocumentKind.CLASS_GRADEBOOK);
        String sheetHash = "a7".repeat(32);
        String label = "KQ-01001-2024-2025-7A1-CN-TOAN-v1";
        List<SubjectMarksTable> subjects = sample.subjects().stream().map(s -> s.code().equals("TOAN")
                ? s.withSignedSheet(new SignedSheetReference(label, sheetHash, List.of("Lê Thị Hồng Nhung")))
                : s).toList();
        ClassGradebookData data = new ClassGradebookData(sample.identity(), sample.school(), sample.className(),
                sample.grade(), sample.schoolYear(), sample.scope(), sample.homeroomTeacher(), sample.principalTitle(),
                sample.principalName(), sample.students(), sample.attendance(), subjects, sample.summaries(),
                sample.dateLine());
        byte[] pdf = new DocumentRenderer().renderToBytes(data);
        assertThat(RenderedSamples.text(pdf).replaceAll("\\s", ""))
                .contains("LêThịHồngNhungđãkýbảngkếtquả" + label + "(SHA-256a7a7a7a7a7a7a7a7…)");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentCatalog().getAcroForm().getFields()).map(PDField::getFullyQualifiedName)
                    .doesNotContain("gvbm_TOAN").contains("gvbm_NGU_VAN", "gvcn", "hieu_truong", "con_dau").hasSize(15);
        }
        byte[] xml = RenderedSamples.embeddedXml(pdf);
        SchemaFactory.newDefaultInstance().newSchema(getClass().getClassLoader()
                .getResource(DocumentKind.CLASS_GRADEBOOK.schemaResource()))
                .newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
        var sheet = (org.w3c.dom.Element) parse(xml).getElementsByTagNameNS("*", "signedSheet").item(0);
        assertThat(((org.w3c.dom.Element) sheet.getParentNode()).getAttribute("code")).isEqualTo("TOAN");
        assertThat(sheet.getAttribute("sha256")).isEqualTo(sheetHash);
        assertThat(text(sheet, "signedBy")).isEqualTo("Lê Thị Hồng Nhung");
    }

    @Test
    void aTermOneResultSheetShowsOnlyTermOneColumnsInPdfAndXml() throws Exception {
        SubjectResultSheetData sheet = RenderedSamples.SAMPLES.subjectResultSheet(1, AssessmentScope.TERM_1);
        byte[] pdf = new DocumentRenderer().renderToBytes(sheet);
        String text = RenderedSamples.text(pdf);
        assertThat(text).contains("Học kì I", "SO-01001-2024-2025-7A1-TERM1-TOAN-v1").doesNotContain("Học kì II", "ĐTBmcn");
        byte[] xml = RenderedSamples.embeddedXml(pdf);
        SchemaFactory.newDefaultInstance().newSchema(getClass().getClassLoader()
                .getResource(DocumentKind.SUBJECT_RESULT_SHEET.schemaResource()))
                .newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
        Document doc = parse(xml);
        assertThat(doc.getElementsByTagNameNS("*", "hk1").getLength()).isEqualTo(40);
        assertThat(doc.getElementsByTagNameNS("*", "hk2").getLength()).isZero();
    }

    @Test
    void aNewVersionNamesTheVersionItSupersedes() throws Exception {
        TranscriptData v1 = RenderedSamples.SAMPLES.transcript(0);
        DocumentIdentity next = v1.identity().next(v1.identity().issuedAt().plusSeconds(86_400));
        TranscriptData v2 = new TranscriptData(next, v1.school(), v1.student(), v1.className(), v1.grade(),
                v1.schoolYear(), v1.subjects(), v1.correctionCount(), v1.correctedSubjects(), v1.conduct(),
                v1.learning(), v1.absences(), v1.promotion(), v1.awards(), v1.homeroomComment(), v1.homeroomTeacher(),
                v1.principalTitle(), v1.principalName(), v1.dateLine());
        byte[] pdf = new DocumentRenderer().renderToBytes(v2);
        assertThat(RenderedSamples.text(pdf)).contains("HB-01001-2024-2025-HS7A1001-v2 — thay thế bản HB-01001-2024-2025-HS7A1001-v1");
        Document xml = parse(RenderedSamples.embeddedXml(pdf));
        var doc = (org.w3c.dom.Element) xml.getElementsByTagNameNS(DocumentKind.TRANSCRIPT.namespace(), "document").item(0);
        assertThat(doc.getAttribute("version")).isEqualTo("2");
        assertThat(doc.getAttribute("supersedes")).isEqualTo("HB-01001-2024-2025-HS7A1001-v1");
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static String text(org.w3c.dom.Element parent, String name) {
        return parent.getElementsByTagNameNS("*", name).item(0).getTextContent();
    }
}
