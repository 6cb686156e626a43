package vn.hocba.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PdfAConformanceTest {

    @ParameterizedTest
    @EnumSource(DocumentKind.class)
    void veraPdfFindsEveryDocumentTypePdfA3bCompliant(DocumentKind kind) throws Exception {
        assertThat(PdfAValidation.failures(RenderedSamples.pdf(kind))).as(kind + " PDF/A-3b failures").isEmpty();
    }
}
