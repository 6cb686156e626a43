package vn.hocba.pades;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hocba.pades.devpki.DevelopmentPki;

/**
 * The seal step adds the fully signed record to a transcript only while the seal has not signed it: a
 * sealed transcript is returned unchanged (so a resumed batch recognises it) and its record is not even read;
 * an unsealed one gets the file, whose bytes are the record's exactly; no file, no change.
 */
class AttachUnlessSealedTest {

    @TempDir
    static Path pkiDir;

    static DevelopmentPki pki;
    static SigningCredential seal;
    static PadesSigner signer;

    @BeforeAll
    static void setUp() {
        pki = DevelopmentPki.createFresh(pkiDir);
        seal = pki.organisation("TRƯỜNG THCS THỬ NGHIỆM");
        signer = new PadesSigner(pki.timeStampAuthority(), pki.credentialCheck());
    }

    private static AssociatedFileUpdate.File record(byte[] bytes) {
        return new AssociatedFileUpdate.File("HS001-hocbaso-da-ky.xml", "Học bạ số đã ký đủ", "application/xml",
                "Source", bytes, Instant.parse("2026-05-30T03:00:00Z"));
    }

    @Test
    void anUnsealedTranscriptGetsTheRecordAndASealedOneStaysAsItIsWithoutReadingIt() {
        byte[] xml = "<HOC_BA><MA_HOC_SINH>HS001</MA_HOC_SINH>Học bạ</HOC_BA>".repeat(3_000)
                .getBytes(StandardCharsets.UTF_8);
        byte[] transcript = TestDocuments.transcript();
        AtomicInteger asked = new AtomicInteger();

        byte[] attached = AssociatedFileUpdate.attachToPageUnlessSignedBy(transcript, -1, seal.certificate(), () -> {
            asked.incrementAndGet();
            return Optional.of(record(xml));
        });
        assertThat(asked).hasValue(1);
        assertThat(AssociatedFileUpdate.all(attached)).containsOnlyKeys("HS001-hocbaso-da-ky.xml");
        assertThat(AssociatedFileUpdate.all(attached).get("HS001-hocbaso-da-ky.xml")).isEqualTo(xml);
        assertThat(AssociatedFileUpdate.attachToPageUnlessSignedBy(transcript, -1, seal.certificate(), Optional::empty))
                .isSameAs(transcript);

        byte[] sealed = signer.sign(attached, SignatureRequest.inBox(SignerRole.SCHOOL_SEAL, Instant.now()), seal);
        byte[] again = AssociatedFileUpdate.attachToPageUnlessSignedBy(sealed, -1, seal.certificate(), () -> {
            asked.incrementAndGet();
            return Optional.of(record("<HOC_BA>khác</HOC_BA>".getBytes(StandardCharsets.UTF_8)));
        });
        assertThat(again).isSameAs(sealed);
        assertThat(asked).as("the record of a sealed transcript is not read").hasValue(1);
    }
}
