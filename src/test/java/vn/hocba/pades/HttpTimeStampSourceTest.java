package vn.hocba.pades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.simplereport.SimpleReport;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIFreeText;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cmp.PKIStatusInfo;
import org.bouncycastle.asn1.tsp.TimeStampResp;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hocba.pades.devpki.DevelopmentPki;
import vn.hocba.pades.verify.SignatureVerifier;

/**
 * The production path: time-stamps from a TSA over HTTP (the development TSA behind a local
 * server), and what happens when the TSA answers badly: a specific message and no document changed.
 */
class HttpTimeStampSourceTest {

    @TempDir
    static Path pkiDir;

    static DevelopmentPki pki;
    static PkiOverHttp http;
    static SigningCredential principal;

    @BeforeAll
    static void tsaOverHttp() throws Exception {
        pki = DevelopmentPki.createFresh(pkiDir);
        principal = pki.issue("Lê Văn Nam", "Hiệu trưởng", null);
        http = PkiOverHttp.start(pki);
        http.answer("/tsa-500", exchange -> PkiOverHttp.reply(exchange, 500, "text/plain", "lỗi".getBytes(StandardCharsets.UTF_8)));
        http.answer("/tsa-html", exchange -> PkiOverHttp.reply(exchange, 200, "text/html",
                "<html>Bảo trì</html>".getBytes(StandardCharsets.UTF_8)));
        http.answer("/tsa-rejecting", exchange -> PkiOverHttp.reply(exchange, 200, "application/timestamp-reply",
                new TimeStampResp(new PKIStatusInfo(PKIStatus.rejection, new PKIFreeText("unsupported policy"),
                        new PKIFailureInfo(PKIFailureInfo.unacceptedPolicy)), null).getEncoded()));
        http.answer("/tsa-other-imprint", exchange -> {
            TimeStampRequest asked = new TimeStampRequest(exchange.getRequestBody().readAllBytes());
            byte[] otherDigest = new byte[32];
            new SecureRandom().nextBytes(otherDigest);
            TimeStampRequestGenerator other = new TimeStampRequestGenerator();
            other.setCertReq(true);
            PkiOverHttp.reply(exchange, 200, "application/timestamp-reply", pki.timeStampAuthority().respond(
                    other.generate(TSPAlgorithms.SHA256, otherDigest, asked.getNonce()).getEncoded()));
        });
        http.answer("/tsa-slow", exchange -> {
            try {
                Thread.sleep(2500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            PkiOverHttp.reply(exchange, 500, "text/plain", new byte[0]);
        });
        tsaTakingItsTime();
    }

    /** Requests of {@code /tsa-waiting} being answered now, and the most there were at once. */
    static final AtomicInteger waitingNow = new AtomicInteger();
    static final AtomicInteger mostAtOnce = new AtomicInteger();
    /** Requests {@code /tsa-fails-after-3} answered so far. */
    static final AtomicInteger answeredBeforeFailing = new AtomicInteger();

    private static void tsaTakingItsTime() {
        http.answer("/tsa-waiting", exchange -> {
            mostAtOnce.accumulateAndGet(waitingNow.incrementAndGet(), Math::max);
            try {
                Thread.sleep(150); // a CA's service over the internet
                PkiOverHttp.reply(exchange, 200, "application/timestamp-reply",
                        pki.timeStampAuthority().respond(exchange.getRequestBody().readAllBytes()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                waitingNow.decrementAndGet();
            }
        });
        http.answer("/tsa-fails-after-3", exchange -> {
            if (answeredBeforeFailing.incrementAndGet() > 3) {
                PkiOverHttp.reply(exchange, 503, "text/plain", new byte[0]);
            } else {
                PkiOverHttp.reply(exchange, 200, "application/timestamp-reply",
                        pki.timeStampAuthority().respond(exchange.getRequestBody().readAllBytes()));
            }
        });
    }

    @Test
    void aClassOfRecordsIsTimeStampedWithTheirRequestsWaitingTogetherEachTokenOverItsOwnDigest() throws Exception {
        HttpTimeStampSource tsa = new HttpTimeStampSource(http.url("/tsa-waiting"), Duration.ofSeconds(5));
        List<byte[]> digests = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            digests.add(MessageDigest.getInstance("SHA-256").digest(("học sinh " + i).getBytes(StandardCharsets.UTF_8)));
        }
        mostAtOnce.set(0);

        List<byte[]> tokens = tsa.timeStampAll(digests);

        assertThat(tokens).hasSize(40);
        for (int i = 0; i < 40; i++) {
            assertThat(new TimeStampToken(new CMSSignedData(tokens.get(i))).getTimeStampInfo().getMessageImprintDigest())
                    .as("token %d", i).isEqualTo(digests.get(i));
        }
        // one request after the other would have had one waiting at a time; a TSA is not flooded either
        assertThat(mostAtOnce.get()).isBetween(2, HttpTimeStampSource.REQUESTS_AT_ONCE);
    }

    @Test
    void aBatchOfTranscriptsHasItsTimeStampsAndDocumentTimeStampsAskedForTogetherAndEachValidatesAtLta() {
        HttpTimeStampSource tsa = new HttpTimeStampSource(http.url("/tsa-waiting"), Duration.ofSeconds(5));
        BatchSigner batch = new BatchSigner(new PadesSigner(tsa, pki.credentialCheck()), pki.credentialCheck());
        MemoryBatchDocuments store = new MemoryBatchDocuments();
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            ids.add("hoc-ba-" + i + ".pdf");
            store.with(ids.get(i - 1), TestDocuments.transcript());
        }
        mostAtOnce.set(0);

        BatchSigner.Result result = batch.sign(ids, store, SignatureRequest.inBox(SignerRole.PRINCIPAL, Instant.now()),
                principal, (id, outcome, done, total) -> { });

        assertThat(result.signed()).containsExactlyElementsOf(ids);
        assertThat(mostAtOnce.get()).as("time-stamp requests waiting at once").isGreaterThanOrEqualTo(2);
        mostAtOnce.set(0);
        List<byte[]> extended = new LongTermExtender(tsa, pki.revocationSource())
                .extendToLtaAll(ids.stream().map(store::read).toList());
        assertThat(mostAtOnce.get()).as("document time-stamp requests waiting at once").isGreaterThanOrEqualTo(2);
        for (int i : new int[] {0, 9}) { // each token in its own document's signature and document time-stamp
            SimpleReport report = new SignatureVerifier(pki.trustAnchors())
                    .validate(extended.get(i), ids.get(i)).getSimpleReport();
            assertThat(report.getIndication(report.getFirstSignatureId())).as(ids.get(i)).isEqualTo(Indication.TOTAL_PASSED);
            assertThat(report.getSignatureFormat(report.getFirstSignatureId())).isEqualTo(SignatureLevel.PAdES_BASELINE_LTA);
        }
    }

    @Test
    void aFailingTimeStampStopsTheRequestsNotSentYetAndIsThrownNamingTheTsa() {
        HttpTimeStampSource tsa = new HttpTimeStampSource(http.url("/tsa-fails-after-3"), Duration.ofSeconds(5));
        answeredBeforeFailing.set(0);

        assertThatThrownBy(() -> tsa.timeStampAll(Collections.nCopies(200, new byte[32])))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("Không nhận được dấu thời gian từ " + http.url("/tsa-fails-after-3")
                        + ": dịch vụ trả về lỗi HTTP 503");
        assertThat(answeredBeforeFailing.get()).as("requests sent").isLessThan(3 + 2 * HttpTimeStampSource.REQUESTS_AT_ONCE);
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @Test
    void aSubjectSheetTimeStampedOverHttpValidatesAtBaselineLta() {
        HttpTimeStampSource tsa = new HttpTimeStampSource(http.url("/tsa"), Duration.ofSeconds(5));
        SigningChain chain = new SigningChain(new PadesSigner(tsa, pki.credentialCheck()),
                new LongTermExtender(tsa, pki.revocationSource()), Clock.systemUTC());

        byte[] signed = chain.signSubjectSheet(TestDocuments.subjectSheet(),
                pki.issue("Phạm Minh Đức", "Giáo viên bộ môn Toán", null), "TOAN");

        SimpleReport report = new SignatureVerifier(pki.trustAnchors()).validate(signed, "toan.pdf").getSimpleReport();
        String id = report.getFirstSignatureId();
        assertThat(report.getIndication(id)).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_LTA);
        assertThat(tsa.certificateChain().get(0)).isEqualTo(pki.timeStampAuthority().certificateChain().get(0));
    }

    @Test
    void aSecondTsaIsAskedWhenTheFirstFails() {
        HttpTimeStampSource tsa = new HttpTimeStampSource(List.of(HttpTimeStampSource.Endpoint.anonymous(http.url("/tsa-500")),
                HttpTimeStampSource.Endpoint.anonymous(http.url("/tsa"))), Duration.ofSeconds(5), null);

        assertThat(tsa.timeStamp(new byte[32])).isNotEmpty();
    }

    @Test
    void anUnreachableTsaGivesAVietnameseMessageNamingIt() {
        HttpTimeStampSource nowhere = new HttpTimeStampSource(URI.create("http://127.0.0.1:1/tsa"), Duration.ofSeconds(2));

        assertThatThrownBy(() -> nowhere.timeStamp(new byte[32]))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("Không nhận được dấu thời gian từ http://127.0.0.1:1/tsa: không kết nối được");
    }

    @Test
    void aTsaAnsweringHttp500RefusesTheBatchAndLeavesEveryDocumentAsItWas() {
        assertRefusedWithoutWriting("/tsa-500", "dịch vụ trả về lỗi HTTP 500");
    }

    @Test
    void aTsaAnsweringSomethingElseThanRfc3161IsRefused() {
        assertRefusedWithoutWriting("/tsa-html", "dịch vụ trả lời không phải một phản hồi RFC 3161 hợp lệ");
    }

    @Test
    void aTsaRejectingTheRequestIsRefusedWithItsStatus() {
        assertRefusedWithoutWriting("/tsa-rejecting", "dịch vụ từ chối yêu cầu (trạng thái 2: unsupported policy)");
    }

    @Test
    void aTimeStampForAnotherImprintIsRefused() {
        assertRefusedWithoutWriting("/tsa-other-imprint", "dấu thời gian nhận về không khớp với yêu cầu (dấu vân tay");
    }

    @Test
    void aTsaTooSlowToAnswerIsRefusedAfterTheTimeout() {
        HttpTimeStampSource slow = new HttpTimeStampSource(List.of(HttpTimeStampSource.Endpoint.anonymous(http.url("/tsa-slow"))),
                Duration.ofSeconds(1), null);

        assertThatThrownBy(() -> slow.timeStamp(new byte[32])).isInstanceOf(SigningException.class)
                .hasMessageContaining("/tsa-slow: dịch vụ không trả lời trong 1 giây");
    }

    private static void assertRefusedWithoutWriting(String path, String reason) {
        HttpTimeStampSource tsa = new HttpTimeStampSource(http.url(path), Duration.ofSeconds(5));
        BatchSigner batch = new BatchSigner(new PadesSigner(tsa, pki.credentialCheck()), pki.credentialCheck());
        byte[] before = TestDocuments.transcript();
        MemoryBatchDocuments store = new MemoryBatchDocuments().with("hoc-ba-1.pdf", before);

        BatchSigner.Result result = batch.sign(List.of("hoc-ba-1.pdf"), store,
                SignatureRequest.inBox(SignerRole.PRINCIPAL, Instant.now()), principal, (id, outcome, done, total) -> { });

        assertThat(result.signed()).isEmpty();
        assertThat(result.failed().get("hoc-ba-1.pdf"))
                .startsWith("Không nhận được dấu thời gian từ " + http.url(path) + ": " + reason)
                .endsWith("Văn bản chưa được ký; hãy thử lại sau hoặc báo quản trị hệ thống kiểm tra dịch vụ dấu thời gian.");
        assertThat(store.read("hoc-ba-1.pdf")).isEqualTo(before);
    }
}
