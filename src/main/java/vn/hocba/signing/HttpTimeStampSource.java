package vn.hocba.signing;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * A real RFC 3161 TSA over HTTP ({@code Content-Type: application/timestamp-query}), e.g. the
 * time-stamping service of a licensed Vietnamese CA. Each response is checked against its
 * request (imprint, nonce, status) before use.
 */
public final class HttpTimeStampSource implements TimeStampSource {

    private final URI url;
    private final HttpClient http;
    private final SecureRandom random = new SecureRandom();
    private volatile List<X509Certificate> chain;

    public HttpTimeStampSource(URI url, Duration timeout) {
        this.url = url;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public byte[] timeStamp(byte[] sha256Digest) {
        try {
            return token(sha256Digest).getEncoded();
        } catch (IOException e) {
            throw new SigningException("Không nhận được dấu thời gian từ " + url + ": " + e.getMessage(), e);
        }
    }

    /** The TSA's chain as it sends it in its tokens (asked for once, with a dummy digest). */
    @Override
    public List<X509Certificate> certificateChain() {
        if (chain == null) {
            try {
                List<X509Certificate> result = new ArrayList<>();
                JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
                TimeStampToken token = token(new byte[32]);
                for (Object holder : token.getCertificates().getMatches(null)) {
                    X509Certificate certificate = converter.getCertificate((org.bouncycastle.cert.X509CertificateHolder) holder);
                    if (token.getSID().match(holder)) {
                        result.add(0, certificate); // the TSA first, then its issuers
                    } else {
                        result.add(certificate);
                    }
                }
                chain = List.copyOf(result);
            } catch (Exception e) {
                throw new SigningException("Không lấy được chứng thư số của dịch vụ dấu thời gian " + url, e);
            }
        }
        return chain;
    }

    private TimeStampToken token(byte[] digest) throws IOException {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, digest, BigInteger.valueOf(random.nextLong()));
        HttpRequest post = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/timestamp-query")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build();
        try {
            HttpResponse<byte[]> answer = http.send(post, HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw new IOException("HTTP " + answer.statusCode());
            }
            TimeStampResponse response = new TimeStampResponse(answer.body());
            response.validate(request);
            if (response.getTimeStampToken() == null) {
                throw new IOException("refused: " + response.getStatusString());
            }
            return response.getTimeStampToken();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (org.bouncycastle.tsp.TSPException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
