package vn.hocba.signing;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hocba.pades.verify.VerificationReport;
import vn.hocba.pades.verify.Verdict;

class IntactCopyTest {

    @Test
    void aFileIdenticalToARecordedSignedFileIsIntactWhateverTheValidatorSays() {
        assertThat(IntactCopy.whyNot(report(Verdict.INDETERMINATE, true), true)).isEmpty();
    }

    @Test
    void validSignaturesCoveringTheWholeFileMakeAnIntactCopy() {
        assertThat(IntactCopy.whyNot(report(Verdict.VALID, true), false)).isEmpty();
    }

    @Test
    void validSignaturesFollowedByAnUnsignedRevisionDoNot() {
        assertThat(IntactCopy.whyNot(report(Verdict.VALID, false), false)).singleElement().asString()
                .contains("được thêm vào mà không được ký");
    }

    @Test
    void invalidUnsignedOrUndecidedFilesAreNotIntactAndSayWhy() {
        assertThat(IntactCopy.whyNot(report(Verdict.INVALID, true), false)).singleElement().asString()
                .contains("Chữ ký số không hợp lệ");
        assertThat(IntactCopy.whyNot(report(Verdict.NOT_SIGNED, false), false)).singleElement().asString()
                .contains("chưa được ký số");
        assertThat(IntactCopy.whyNot(report(Verdict.INDETERMINATE, true), false)).singleElement().asString()
                .contains("Chưa xác định được");
    }

    private static VerificationReport report(Verdict verdict, boolean coversWholeFile) {
        return new VerificationReport("hoc-ba.pdf", verdict, List.of(), List.of(), null, coversWholeFile, List.of());
    }
}
