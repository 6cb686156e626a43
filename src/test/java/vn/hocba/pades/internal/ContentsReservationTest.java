package vn.hocba.pades.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hocba.pades.SigningCredential;
import vn.hocba.pades.devpki.DevelopmentPki;

/** The CMS size kept per signer chain gives every chain its own estimate, as a fresh reservation computes it. */
class ContentsReservationTest {

    @TempDir
    Path pkiDir;

    @Test
    void chainsSignedInTurnGetTheEstimateAFreshReservationGives() {
        DevelopmentPki pki = DevelopmentPki.createFresh(pkiDir);
        SigningCredential teacher = pki.issue("Trần Thị Hoa", "Giáo viên chủ nhiệm", null);
        List<X509Certificate> whole = teacher.certificateChain();
        List<X509Certificate> alone = List.of(teacher.certificate());
        List<X509Certificate> other = pki.organisation().certificateChain();
        ContentsReservation kept = new ContentsReservation(ContentsReservation.LARGEST);
        boolean told = false;
        for (int token = 9_000; token <= 15_000; token += 250) {
            for (List<X509Certificate> chain : List.of(whole, alone, other, whole)) {
                int estimate = kept.forSignature(chain, true, OptionalInt.of(token));
                assertThat(estimate).as(token + " " + chain.size())
                        .isEqualTo(new ContentsReservation(ContentsReservation.LARGEST)
                                .forSignature(chain, true, OptionalInt.of(token)));
            }
            told |= kept.forSignature(whole, true, OptionalInt.of(token))
                    != kept.forSignature(alone, true, OptionalInt.of(token));
        }
        assertThat(whole).hasSizeGreaterThan(1);
        assertThat(told).as("the chains' estimates differ for some token size").isTrue();
    }
}
