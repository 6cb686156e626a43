package vn.hocba.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.simplereport.SimpleReport;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hocba.signing.devpki.DevelopmentPki;
import vn.hocba.signing.verify.SignatureVerifier;

/** The production path: time-stamps from a TSA over HTTP (here the development TSA behind a local server). */
class HttpTimeStampSourceTest {

    @TempDir
    static Path pkiDir;

    static DevelopmentPki pki;
    static HttpServer server;
    static URI url;

    @BeforeAll
    static void tsaOverHttp() throws Exception {
        pki = DevelopmentPki.createFresh(pkiDir);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/tsa", exchange -> {
            byte[] answer = pki.timeStampAuthority().respond(exchange.getRequestBody().readAllBytes());
            exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void aSubjectSheetTimeStampedOverHttpValidatesAtBaselineLta() {
        HttpTimeStampSource tsa = new HttpTimeStampSource(url, Duration.ofSeconds(5));
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
    void anUnreachableTsaGivesAVietnameseMessageNamingIt() {
        HttpTimeStampSource nowhere = new HttpTimeStampSource(URI.create("http://127.0.0.1:1/tsa"), Duration.ofSeconds(2));

        assertThatThrownBy(() -> nowhere.timeStamp(new byte[32]))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("Không nhận được dấu thời gian từ http://127.0.0.1:1/tsa");
    }
}
