package vn.hocba.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The address in every signed document's QR code, as the server checks it when it starts. */
@ExtendWith(OutputCaptureExtension.class)
class VerificationAddressCheckTest {

    private final WebApplicationContextRunner server = new WebApplicationContextRunner()
            .withUserConfiguration(VerificationAddressCheck.class);

    @Test
    void inProductionTheServerRefusesToStartWithTheDefaultLocalhostAddress() {
        server.withPropertyValues("hocba.signing.mode=production").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("HOCBA_VERIFICATION_URL")
                    .hasMessageContaining("https").hasMessageContaining("http://localhost:8080/xac-minh/");
        });
    }

    @Test
    void inProductionAPlainHttpOrLocalAddressIsRefusedAndAPublicHttpsAddressAccepted() {
        server.withPropertyValues("hocba.signing.mode=PRODUCTION",
                "hocba.documents.verification-base-url=http://hocba.truong.edu.vn/xac-minh/")
                .run(context -> assertThat(context).hasFailed());
        server.withPropertyValues("hocba.signing.mode=production",
                "hocba.documents.verification-base-url=https://127.0.0.1/xac-minh/")
                .run(context -> assertThat(context).hasFailed());
        server.withPropertyValues("hocba.signing.mode=production",
                "hocba.documents.verification-base-url=https://hocba.truong.edu.vn/xac-minh/")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void inDevelopmentADifferentServerPortIsWarnedAboutButDoesNotStopTheStart(CapturedOutput output) {
        server.withPropertyValues("server.port=9090").run(context -> assertThat(context).hasNotFailed());
        assertThat(output).contains("uses port 8080 but this server listens on port 9090");
    }

    @Test
    void inDevelopmentTheMatchingPortOrARandomTestPortIsNotWarnedAbout(CapturedOutput output) {
        server.withPropertyValues("server.port=8080").run(context -> assertThat(context).hasNotFailed());
        server.withPropertyValues("server.port=0").run(context -> assertThat(context).hasNotFailed());
        assertThat(output).doesNotContain("this server listens on port");
    }
}
