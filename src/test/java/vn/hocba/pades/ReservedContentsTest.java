package vn.hocba.pades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.simplereport.SimpleReport;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hocba.pades.devpki.DevelopmentPki;
import vn.hocba.pades.verify.SignatureVerifier;

/**
 * The room each signature reserves for its CMS ({@code /Contents}): the profile's 16 KB when the CMS is small, more
 * when the signer's chain or the TSA's tokens are long, never more than the configured maximum, and a CMS that does
 * not fit refused with a message instead of a broken document.
 */
class ReservedContentsTest {

    private static final int KB16 = 16 * 1024;
    private static final int KB32 = 32 * 1024;

    @TempDir
    static Path pkiDir;

    static DevelopmentPki pki;
    static SignatureVerifier verifier;
    static SigningCredential teacher;
    /** Certificates of other people: a long chain, or a TSA sending many certificates. */
    static List<X509Certificate> others;

    @BeforeAll
    static void pki() {
        pki = DevelopmentPki.createFresh(pkiDir);
        verifier = new SignatureVerifier(pki.trustAnchors());
        teacher = pki.issue("Phạm Minh Đức", "Giáo viên bộ môn Toán", null);
        others = IntStream.range(0, 14).mapToObj(i -> pki.issue("Người thứ " + i, "Giáo viên", null).certificate())
                .toList();
    }

    @Test
    void aSignatureWhoseCmsIsSmallReserves16KbAndTheWholeChainValidatesAtLta() {
        PaddedTimeStamps tsa = seen(new PaddedTimeStamps(pki.timeStampAuthority()));
        SigningChain chain = chain(tsa, KB32);

        byte[] signed = chain.signTranscript(TestDocuments.transcript(), teacher,
                pki.issue("Lê Văn Nam", "Hiệu trưởng", null), pki.organisation());

        assertThat(reservations(signed)).as("homeroom, principal, seal, document time-stamp")
                .containsExactly(KB16, KB16, KB16, KB16);
        assertTotalPassedAtLta(signed, 3);
    }

    @Test
    void beforeTheTsaReturnedAnyTokenASignatureReservesTheConfiguredMaximum() {
        PaddedTimeStamps tsa = new PaddedTimeStamps(pki.timeStampAuthority());
        PadesSigner signer = new PadesSigner(tsa, pki.credentialCheck(), 20 * 1024);

        byte[] first = signer.sign(TestDocuments.subjectSheet(), request(), teacher);
        byte[] second = signer.sign(TestDocuments.subjectSheet(), request(), teacher);

        assertThat(reservations(first)).containsExactly(20 * 1024);
        assertThat(reservations(second)).as("the first token is known now").containsExactly(KB16);
    }

    @Test
    void aLongCertificateChainGetsALargerReservationThatHoldsIt() {
        PaddedTimeStamps tsa = seen(new PaddedTimeStamps(pki.timeStampAuthority()));
        List<X509Certificate> longChain = new ArrayList<>(teacher.certificateChain());
        longChain.addAll(1, others.subList(0, 12));

        byte[] signed = signWithChain(new PadesSigner(tsa, pki.credentialCheck()), longChain);

        assertThat(reservations(signed)).singleElement().satisfies(reserved -> assertThat(reserved)
                .isGreaterThan(KB16).isLessThanOrEqualTo(KB32).isGreaterThanOrEqualTo(cmsSizes(signed).get(0)));
        assertTotalPassedAtLta(new LongTermExtender(tsa, pki.revocationSource()).extendToLta(signed), 1);
    }

    @Test
    void aTsaSendingLargeTokensGetsLargerReservationsThatHoldThem() {
        PaddedTimeStamps tsa = seen(new PaddedTimeStamps(pki.timeStampAuthority()).carrying(others.subList(0, 10)));

        byte[] signed = chain(tsa, KB32).signTranscript(TestDocuments.transcript(), teacher,
                pki.issue("Lê Văn Nam", "Hiệu trưởng", null), pki.organisation());

        List<Integer> reserved = reservations(signed);
        List<Integer> used = cmsSizes(signed);
        assertThat(reserved).hasSize(4).allSatisfy(r -> assertThat(r).isGreaterThan(KB16).isLessThanOrEqualTo(KB32));
        IntStream.range(0, 4).forEach(i -> assertThat(used.get(i)).isLessThanOrEqualTo(reserved.get(i)));
        assertTotalPassedAtLta(signed, 3);
    }

    @Test
    void theConfiguredMaximumCapsAnEstimateAboveIt() {
        PaddedTimeStamps tsa = seen(new PaddedTimeStamps(pki.timeStampAuthority()).carrying(others.subList(0, 12)));
        byte[] measured = new PadesSigner(tsa, pki.credentialCheck()).sign(TestDocuments.subjectSheet(), request(), teacher);
        int cms = cmsSizes(measured).get(0);
        int maximum = (cms / 1024 + 2) * 1024; // above the CMS, below the CMS and the estimate's margin for the token
        assertThat(maximum).as("the premise: a CMS above the profile's smallest size").isGreaterThan(KB16);
        assertThat(reservations(measured).get(0)).as("the premise: the estimate is above that maximum")
                .isGreaterThan(maximum);

        byte[] signed = new PadesSigner(tsa, pki.credentialCheck(), maximum)
                .sign(TestDocuments.subjectSheet(), request(), teacher);

        assertThat(reservations(signed)).containsExactly(maximum);
        assertTotalPassedAtLta(new LongTermExtender(tsa, pki.revocationSource()).extendToLta(signed), 1);
    }

    @Test
    void aCmsLargerThanTheMaximumIsRefusedWithAMessageAndNothingIsSigned() {
        PaddedTimeStamps tsa = seen(new PaddedTimeStamps(pki.timeStampAuthority()));
        List<X509Certificate> longChain = new ArrayList<>(teacher.certificateChain());
        longChain.addAll(1, others);
        PadesSigner signer = new PadesSigner(tsa, pki.credentialCheck(), KB16);

        assertThatThrownBy(() -> signWithChain(signer, longChain)).isInstanceOf(SigningException.class)
                .hasMessageContaining("vượt quá chỗ dành sẵn (16384 byte)")
                .hasMessageContaining("hãy báo quản trị hệ thống tăng hocba.signing.reserved-signature-size");
    }

    @Test
    void aTokenFarLargerThanAllBeforeIsRefusedOnceAndTheNextSignatureReservesRoomForIt() {
        PaddedTimeStamps tsa = seen(new PaddedTimeStamps(pki.timeStampAuthority()));
        PadesSigner signer = new PadesSigner(tsa, pki.credentialCheck());
        DataToSign prepared = signer.prepare(TestDocuments.subjectSheet(), request(), teacher.certificateChain());
        byte[] value = teacher.sign(prepared.bytes());
        tsa.carrying(others); // the TSA now sends 14 more certificates than in any token before

        assertThatThrownBy(() -> signer.embed(prepared, value)).isInstanceOf(SigningException.class)
                .hasMessageContaining("vượt quá chỗ dành sẵn (16384 byte)").hasMessageContaining("hãy ký lại");
        byte[] again = signer.sign(TestDocuments.subjectSheet(), request(), teacher);

        assertThat(reservations(again).get(0)).isGreaterThan(KB16).isGreaterThanOrEqualTo(cmsSizes(again).get(0));
        assertTotalPassedAtLta(new LongTermExtender(tsa, pki.revocationSource()).extendToLta(again), 1);
    }

    private static PaddedTimeStamps seen(PaddedTimeStamps tsa) {
        tsa.timeStamp(new byte[32]); // a token returned before: its size is known
        return tsa;
    }

    private static SigningChain chain(TimeStampSource tsa, int maximum) {
        return new SigningChain(new PadesSigner(tsa, pki.credentialCheck(), maximum),
                new LongTermExtender(tsa, pki.revocationSource(), maximum), Clock.systemUTC());
    }

    private static SignatureRequest request() {
        return SignatureRequest.inBox(SignerRole.SUBJECT_TEACHER, Instant.now()).withField("gvbm_TOAN");
    }

    /** The three steps with {@code chain} embedded as given (the credential's own check wants a path, not a set). */
    private static byte[] signWithChain(PadesSigner signer, List<X509Certificate> chain) {
        DataToSign prepared = signer.prepare(TestDocuments.subjectSheet(), request(), chain);
        return signer.embed(prepared, teacher.sign(prepared.bytes()));
    }

    private static void assertTotalPassedAtLta(byte[] pdf, int signatures) {
        SimpleReport report = verifier.validate(pdf, "van-ban.pdf").getSimpleReport();
        assertThat(report.getSignatureIdList()).hasSize(signatures).allSatisfy(id -> {
            assertThat(report.getIndication(id)).as(report.getSignedBy(id) + " " + report.getAdESValidationErrors(id))
                    .isEqualTo(Indication.TOTAL_PASSED);
            assertThat(report.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_LTA);
        });
    }

    /** Bytes reserved by each signature and document time-stamp, in the order of their fields (here: signing order). */
    static List<Integer> reservations(byte[] pdf) {
        return eachSignature(pdf, s -> (s.getByteRange()[2] - s.getByteRange()[1] - 2) / 2);
    }

    /** The length of each CMS written into its reservation (the DER object, without the zeros after it). */
    static List<Integer> cmsSizes(byte[] pdf) {
        return eachSignature(pdf, s -> {
            try (ASN1InputStream in = new ASN1InputStream(s.getContents(pdf))) {
                return in.readObject().getEncoded().length;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static List<Integer> eachSignature(byte[] pdf, Function<PDSignature, Integer> what) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getSignatureDictionaries().stream().map(what).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
