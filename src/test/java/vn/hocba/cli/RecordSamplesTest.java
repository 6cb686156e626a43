package vn.hocba.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hocba.hocbaso.ClassPackage;
import vn.hocba.hocbaso.Xmlsec1;

/** {@code samples} writes a fully signed học bạ số and its class package; {@code verify} and xmlsec1 accept them. */
class RecordSamplesTest {

    @TempDir
    static Path dir;
    static Path record;

    @BeforeAll
    static void writeSamples() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = new SamplesCommand().run(List.of("--out", dir.toString()), print(out), print(new ByteArrayOutputStream()));
        assertThat(status).isZero();
        try (Stream<Path> files = Files.list(dir)) {
            record = files.filter(f -> f.toString().endsWith(".hocbaso.xml")).findFirst().orElseThrow();
        }
    }

    @Test
    void verifyReportsEverySlotsSignerRoleValidityAndCoverage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = new VerifyCommand().run(List.of(record.toString(), "--trust", dir.resolve("trust-root.pem").toString()),
                print(out), print(new ByteArrayOutputStream()));
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(report).isZero();
        assertThat(report).contains("Học bạ số (hocbaso-thcs provisional-1): HỢP LỆ")
                .contains("Giáo viên chủ nhiệm [GVCN]: HỢP LỆ, ký bởi Phạm Thị Thanh Hương, phủ THONG_TIN_HOC_BA#thongtinhocba")
                .contains("Hiệu trưởng (cán bộ quản lý) [CBQL]: HỢP LỆ, ký bởi Nguyễn Văn Đông, phủ DU_LIEU_HOC_BA#data")
                .contains("Chứng thư số phát hành của nhà trường [KY_PHAT_HANH]: HỢP LỆ, ký bởi TRƯỜNG THCS MẪU")
                .contains("Giáo viên bộ môn [gvbm-15-1]: HỢP LỆ").contains("phủ DIEM_TONG_KET#mon-15");
        assertThat(report.lines().filter(l -> l.contains("Giáo viên bộ môn [gvbm-")).count()).isGreaterThanOrEqualTo(2);
        // samples writes XAdES-T: every slot's line names the time its time-stamp proves
        List<String> slots = report.lines().filter(l -> l.contains(", ký bởi ")).toList();
        assertThat(slots).hasSizeGreaterThanOrEqualTo(5).allSatisfy(l -> assertThat(l)
                .containsPattern(": HỢP LỆ, .*, thời điểm theo dấu thời gian \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2} \\(GMT\\+7\\)$"));
    }

    @Test
    void theSampleRecordIsXadesTInEverySlot() throws Exception {
        String xml = Files.readString(record);
        long signatures = java.util.regex.Pattern.compile("<ds:Signature[ >]").matcher(xml).results().count();
        assertThat(signatures).isGreaterThanOrEqualTo(5);
        assertThat(java.util.regex.Pattern.compile("Type=\"http://uri.etsi.org/01903#SignedProperties\"").matcher(xml)
                .results().count()).isEqualTo(signatures);
        assertThat(java.util.regex.Pattern.compile("<xades:SignatureTimeStamp ").matcher(xml).results().count())
                .isEqualTo(signatures);
    }

    @Test
    void verifyOfTheSealedTranscriptReportsItsEmbeddedFullySignedRecordSlotBySlot() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = new VerifyCommand().run(List.of(dir.resolve("transcript-signed.pdf").toString(), "--trust",
                dir.resolve("trust-root.pem").toString()), print(out), print(new ByteArrayOutputStream()));
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(report).isZero();
        String code = record.getFileName().toString().replace(".hocbaso.xml", "");
        assertThat(report).contains("HỢP LỆ: mọi chữ ký đều hợp lệ")
                .contains("Tệp nhúng " + code + "-hocbaso-da-ky.xml (học bạ số đã ký đủ, thêm khi đóng dấu, ký ")
                .contains("Học bạ số (hocbaso-thcs provisional-1): HỢP LỆ")
                .contains("Chứng thư số phát hành của nhà trường [KY_PHAT_HANH]: HỢP LỆ, ký bởi TRƯỜNG THCS MẪU")
                .contains("Giáo viên chủ nhiệm [GVCN]: HỢP LỆ");
        assertThat(vn.hocba.pades.AssociatedFileUpdate.all(Files.readAllBytes(dir.resolve("transcript-signed.pdf")))
                .get(code + "-hocbaso-da-ky.xml")).as("the sample record, byte for byte")
                .isEqualTo(Files.readAllBytes(record));
    }

    @Test
    void verifyRefusesTheRecordWithAChangedMark() throws Exception {
        String xml = Files.readString(record);
        int at = xml.indexOf("<DIEM_CA_NAM>", xml.indexOf("Id=\"mon-15\""));
        String changed = xml.substring(0, at) + "<DIEM_CA_NAM>1,0" + xml.substring(xml.indexOf("</DIEM_CA_NAM>", at));
        Path file = dir.resolve("changed.hocbaso.xml");
        Files.writeString(file, changed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = new VerifyCommand().run(List.of(file.toString(), "--trust", dir.resolve("trust-root.pem").toString()),
                print(out), print(new ByteArrayOutputStream()));
        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Giáo viên bộ môn [gvbm-15-1]: KHÔNG HỢP LỆ")
                .contains("Giáo viên chủ nhiệm [GVCN]: HỢP LỆ");
    }

    @Test
    void xmlsec1VerifiesEverySignatureOfTheSampleRecordAndThePackageManifest() throws Exception {
        Path root = dir.resolve("trust-root.pem");
        String xml = Files.readString(record);
        List<String> ids = java.util.regex.Pattern.compile("<ds:Signature\\s[^>]*Id=\"([^\"]+)\"").matcher(xml).results()
                .map(m -> m.group(1)).toList();
        assertThat(ids).contains("sig-GVCN", "sig-CBQL", "sig-KY_PHAT_HANH", "sig-gvbm-15-1", "sig-gvbm-19-1");
        for (String id : ids) {
            Xmlsec1.Result result = Xmlsec1.verify(record, root, id);
            assertThat(result.ok()).as(id + ": " + result.output()).isTrue();
        }
        Path pack;
        try (Stream<Path> files = Files.list(dir)) {
            pack = files.filter(f -> f.toString().endsWith(".hocbaso-package.zip")).findFirst().orElseThrow();
        }
        byte[] zip = Files.readAllBytes(pack);
        ClassPackage.Check check = ClassPackage.check(zip, List.of(rootCertificate(root)));
        assertThat(check.valid()).as(check.toString()).isTrue();
        assertThat(check.records()).isEqualTo(3);
        Path manifest = dir.resolve("manifest.xml");
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(ClassPackage.MANIFEST_FILE)) {
                    Files.write(manifest, in.readAllBytes());
                }
            }
        }
        Xmlsec1.Result result = Xmlsec1.verify(manifest, root, "sig-goi");
        assertThat(result.ok()).as(result.output()).isTrue();
    }

    private static X509Certificate rootCertificate(Path pem) throws Exception {
        try (var in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
