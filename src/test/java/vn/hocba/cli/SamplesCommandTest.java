package vn.hocba.cli;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hocba.pades.verify.SignatureVerifier;

class SamplesCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void writesOnePdfOfEveryDocumentTypeWithoutServerOrDatabase() throws Exception {
        int status = CommandLine.run(new String[] {"samples", "--out", dir.toString(), "--verify-url", "https://truong.example/xac-minh"}, null);

        assertThat(status).isZero();
        for (String name : List.of("transcript", "class-gradebook", "subject-result-sheet", "report-card", "correction-record")) {
            Path pdf = dir.resolve(name + ".pdf");
            try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
                assertThat(document.getNumberOfPages()).as(name).isPositive();
            }
        }
        assertThat(Files.readAllBytes(dir.resolve("transcript.pdf"))).isNotEmpty();
    }

    @Test
    void writesTheSignedTranscriptAndSubjectSheetThatEuDssValidatesAtLtaWithTheWrittenRoot() throws Exception {
        int status = new SamplesCommand().run(List.of("--out", dir.toString()), print(out), print(err));

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        java.security.cert.X509Certificate root;
        try (var pem = Files.newInputStream(dir.resolve("trust-root.pem"))) {
            root = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(pem);
        }
        var dss = new eu.europa.esig.dss.validation.reports.Reports[2];
        var validator = new SignatureVerifier(List.of(root));
        dss[0] = validator.validate(Files.readAllBytes(dir.resolve("transcript-signed.pdf")), "transcript-signed.pdf");
        dss[1] = validator.validate(Files.readAllBytes(dir.resolve("subject-result-sheet-signed.pdf")), "sheet.pdf");
        assertThat(dss[0].getSimpleReport().getSignatureIdList()).hasSize(3);
        assertThat(dss[1].getSimpleReport().getSignatureIdList()).hasSize(1);
        for (var reports : dss) {
            for (String id : reports.getSimpleReport().getSignatureIdList()) {
                assertThat(reports.getSimpleReport().getIndication(id))
                        .isEqualTo(eu.europa.esig.dss.enumerations.Indication.TOTAL_PASSED);
                assertThat(reports.getSimpleReport().getSignatureFormat(id))
                        .isEqualTo(eu.europa.esig.dss.enumerations.SignatureLevel.PAdES_BASELINE_LTA);
            }
        }
        try (var keys = Files.walk(dir)) {
            assertThat(keys.map(Path::toString)).noneMatch(name -> name.endsWith(".p12") || name.endsWith(".key"));
        }
    }

    @Test
    void withoutAnOutputFolderItExplainsTheUsageInVietnamese() {
        int status = new SamplesCommand().run(List.of(), print(out), print(err));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Thiếu thư mục đích", "--out");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
