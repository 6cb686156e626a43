package vn.hocba.cli;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hocba.pades.SigningChain;
import vn.hocba.pades.TestDocuments;
import vn.hocba.pades.devpki.DevelopmentPki;

class VerifyCommandTest {

    @TempDir
    static Path dir;

    static Path signed;
    static Path root;

    @BeforeAll
    static void signedSubjectSheet() throws Exception {
        DevelopmentPki pki = DevelopmentPki.createFresh(dir.resolve("pki"));
        SigningChain chain = SigningChain.of(pki.timeStampAuthority(), pki.revocationSource(), pki.credentialCheck());
        signed = dir.resolve("toan-10A1.pdf");
        Files.write(signed, chain.signSubjectSheet(TestDocuments.subjectSheet(),
                pki.issue("Phạm Minh Đức", "Giáo viên bộ môn Toán", null), "TOAN"));
        root = dir.resolve("trust-root.pem");
        pki.writeRootPem(root);
    }

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new VerifyCommand().run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {String.valueOf(status), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void aValidSheetIsReportedInVietnameseWithTheTeacherAndExitsZero() {
        String[] result = run(signed.toString(), "--trust", root.toString());

        assertThat(result[0]).isEqualTo("0");
        assertThat(result[1]).contains("HỢP LỆ", "Phạm Minh Đức", "Giáo viên bộ môn", "PAdES-BASELINE-LTA");
    }

    @Test
    void theJsonReportNamesTheVerdictAndLevelForMachines() {
        String[] result = run(signed.toString(), "--json", "--trust", root.toString());

        assertThat(result[1]).contains("\"verdict\" : \"VALID\"", "\"level\" : \"PAdES-BASELINE-LTA\"",
                "\"signer\" : \"Phạm Minh Đức\"");
    }

    @Test
    void withoutTheRightTrustAnchorTheSheetIsNotReportedValid(@TempDir Path other) {
        DevelopmentPki stranger = DevelopmentPki.createFresh(other.resolve("pki"));
        stranger.writeRootPem(other.resolve("other.pem"));

        String[] result = run(signed.toString(), "--trust", other.resolve("other.pem").toString());

        assertThat(result[0]).isEqualTo("1");
        assertThat(result[1]).doesNotContain("Kết luận: HỢP LỆ");
    }

    @Test
    void aMissingFileArgumentIsAUsageError() {
        assertThat(run("--json")[0]).isEqualTo("2");
    }
}
