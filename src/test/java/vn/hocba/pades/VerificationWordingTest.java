package vn.hocba.pades;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hocba.pades.devpki.DevelopmentPki;
import vn.hocba.pades.verify.SignatureVerifier;
import vn.hocba.pades.verify.VerificationReport;

/** The Vietnamese words of a verification say what the validator found, no more and no less. */
class VerificationWordingTest {

    @TempDir
    static Path pkiDir;

    static byte[] signed;
    static SignatureVerifier verifier;

    @BeforeAll
    static void signOnce() {
        DevelopmentPki pki = DevelopmentPki.createFresh(pkiDir);
        SigningChain chain = SigningChain.of(pki.timeStampAuthority(), pki.revocationSource(), pki.credentialCheck());
        signed = chain.signTranscript(TestDocuments.transcript(), pki.issue("Trần Thị Hoa", "Giáo viên chủ nhiệm", null),
                pki.issue("Lê Văn Nam", "Hiệu trưởng", null), pki.organisation());
        verifier = new SignatureVerifier(pki.trustAnchors());
    }

    @Test
    void aSignatureTheValidatorCannotDecideIsNotCalledInvalid() {
        VerificationReport report = new SignatureVerifier(List.of()).verify(signed, "hoc-ba.pdf");

        assertThat(report.toText()).contains("Chưa xác định được", "chứng thư gốc")
                .doesNotContain("KHÔNG hợp lệ");
    }

    @Test
    void contentAppendedAfterTheLastSignatureIsNotCalledAChangeOfTheSignedBytes() throws Exception {
        byte[] appended;
        try (PDDocument document = Loader.loadPDF(signed)) {
            PDPage page = document.getPage(0);
            try (PDPageContentStream content = new PDPageContentStream(document, page,
                    PDPageContentStream.AppendMode.APPEND, false)) {
                content.addRect(60, 740, 400, 40);
                content.fill();
            }
            page.getCOSObject().setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            appended = out.toByteArray();
        }

        VerificationReport report = verifier.verify(appended, "hoc-ba.pdf");

        assertThat(report.toJson()).contains("\"intact\" : true").doesNotContain("\"intact\" : false");
        assertThat(report.toText()).contains("Phần đã ký còn nguyên", "được thêm vào sau khi ký")
                .doesNotContain("NỘI DUNG ĐÃ BỊ THAY ĐỔI");
    }

    @Test
    void aFileWhoseSealRevisionWasRemovedIsSaidToLackTheSeal() throws Exception {
        byte[] withoutSeal;
        try (PDDocument document = Loader.loadPDF(signed)) {
            List<PDSignature> bySigning = document.getSignatureDictionaries().stream()
                    .sorted(Comparator.comparingInt(d -> d.getByteRange()[1])).toList();
            int[] principal = bySigning.get(1).getByteRange();
            withoutSeal = Arrays.copyOf(signed, principal[2] + principal[3]);
        }

        VerificationReport report = verifier.verify(withoutSeal, "hoc-ba.pdf");

        assertThat(report.toText()).contains("Thiếu chữ ký", "Con dấu nhà trường");
        assertThat(report.toJson()).contains("con_dau");
    }

    @Test
    void aPdfWithoutAnyFormIsReportedAsNotSigned() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            document.save(out);
        }

        VerificationReport report = verifier.verify(out.toByteArray(), "thu-moi.pdf");

        assertThat(report.toText()).contains("KHÔNG CÓ CHỮ KÝ").doesNotContain("Thiếu chữ ký");
    }

    @Test
    void aTimeStampThatFailsIsShownAsFailedNotAsAPlainTime() throws Exception {
        byte[] broken = signed.clone();
        try (PDDocument document = Loader.loadPDF(signed)) {
            PDSignature timeStamp = document.getSignatureDictionaries().stream()
                    .filter(d -> "ETSI.RFC3161".equals(d.getSubFilter())).findFirst().orElseThrow();
            int[] range = timeStamp.getByteRange();
            String hex = new String(broken, range[1], range[2] - range[1], StandardCharsets.ISO_8859_1);
            int end = hex.replaceFirst("0+>$", "").length(); // the token ends where the zero padding starts
            int inSignatureValue = range[1] + end - 40;
            broken[inSignatureValue] = (byte) (broken[inSignatureValue] == '1' ? '2' : '1');
        }

        VerificationReport report = verifier.verify(broken, "hoc-ba.pdf");

        assertThat(report.toText()).containsPattern("Dấu thời gian lưu trữ dài hạn: .*KHÔNG hợp lệ");
    }
}
