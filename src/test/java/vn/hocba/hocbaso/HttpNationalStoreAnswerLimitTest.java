package vn.hocba.hocbaso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hocba.support.FloodingServer;

/**
 * A broken or compromised national store cannot make the server hold its answer whatever the size: one
 * declaring 2 GB is refused before its body is read, one streaming without end is cut off after 4 MB, each
 * with a message naming the store and the limit (and as the store being unavailable, so the package is sent
 * again later).
 */
class HttpNationalStoreAnswerLimitTest {

    static FloodingServer store;

    @BeforeAll
    static void start() {
        store = FloodingServer.start();
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    @Test
    void anAnswerDeclaringTwoGigabytesIsRefusedNamingTheStoreAndTheLimit() throws Exception {
        NationalStore client = new HttpNationalStore(store.url("/declared/"), "truong", "mat-khau", Duration.ofSeconds(5));

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(() -> client.status("ref-1"))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessage("Kho học bạ số " + store.url("/declared/") + " gửi câu trả lời dài 2048 MB, vượt quá giới hạn 4 MB"));
        assertThat(store.lastAnswer(Duration.ofSeconds(10))).isLessThan(64L * 1024 * 1024);
    }

    @Test
    void anEndlessAnswerIsCutOffAfterFourMegabytes() throws Exception {
        NationalStore client = new HttpNationalStore(store.url("/endless/"), "truong", "mat-khau", Duration.ofSeconds(5));

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(
                () -> client.submit(NationalStore.CREATE, "khoa-1", new byte[] {1, 2, 3}))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessage("Kho học bạ số " + store.url("/endless/") + " gửi câu trả lời vượt quá giới hạn 4 MB"));
        assertThat(store.lastAnswer(Duration.ofSeconds(10))).isLessThan(64L * 1024 * 1024);
    }
}
