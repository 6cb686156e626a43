package vn.hocba.signing.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import vn.hocba.support.FloodingServer;

/**
 * A broken or compromised phone-approval provider cannot make the server hold its answer whatever the
 * size: one declaring 2 GB is refused before its body is read, one streaming without end is cut off at the
 * limit (4 MB, or the provider's {@code max-answer-size}), with a message naming the provider and the limit.
 */
class PhoneApprovalAnswerLimitTest {

    static FloodingServer provider;

    @BeforeAll
    static void start() {
        provider = FloodingServer.start();
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    @Test
    void anAnswerDeclaringTwoGigabytesIsRefusedBeforeItsBodyIsRead() throws Exception {
        HttpPhoneApprovalProvider smartca = new HttpPhoneApprovalProvider("smartca", "VNPT SmartCA",
                provider.url("/declared/"), "hocba", "secret");

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(() -> smartca.certificateChain("gv05"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Dịch vụ ký từ xa VNPT SmartCA (" + provider.url("/declared/") + ") gửi câu trả lời dài "
                        + "2048 MB, vượt quá giới hạn 4 MB (hocba.own-keys.remote-providers[…].max-answer-size); "
                        + "câu trả lời bị bỏ, chưa ký văn bản nào"));
        assertThat(provider.lastAnswer(Duration.ofSeconds(10))).isLessThan(32L * 1024 * 1024);
    }

    @Test
    void anEndlessAnswerIsCutOffAtTheConfiguredLimit() throws Exception {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("hocba.own-keys.remote-providers[0].name", "smartca")
                .withProperty("hocba.own-keys.remote-providers[0].display-name", "VNPT SmartCA")
                .withProperty("hocba.own-keys.remote-providers[0].base-url", provider.url("/endless/").toString())
                .withProperty("hocba.own-keys.remote-providers[0].client-id", "hocba")
                .withProperty("hocba.own-keys.remote-providers[0].client-secret-variable", "HOCBA_SMARTCA_SECRET")
                .withProperty("hocba.own-keys.remote-providers[0].max-answer-size", "256KB")
                .withProperty("HOCBA_SMARTCA_SECRET", "secret");
        PhoneApprovalProvider smartca = new PhoneApprovalProviders(environment).named("smartca").orElseThrow();

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(
                () -> smartca.submit("gv05", List.of(new byte[32]), "3 văn bản"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Dịch vụ ký từ xa VNPT SmartCA (" + provider.url("/endless/") + ") gửi câu trả lời "
                        + "vượt quá giới hạn 256 KB (hocba.own-keys.remote-providers[…].max-answer-size); "
                        + "câu trả lời bị bỏ, chưa ký văn bản nào"));
        assertThat(provider.lastAnswer(Duration.ofSeconds(10))).isLessThan(32L * 1024 * 1024);
    }
}
