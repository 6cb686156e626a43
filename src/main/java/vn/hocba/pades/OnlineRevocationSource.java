package vn.hocba.pades;

import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hocba.common.BoundedAnswer;

/**
 * Revocation data from the CA's own services, as the certificate names them: OCSP from the
 * Authority Information Access extension (preferred), else the CRL from the CRL distribution
 * points. A service that does not answer yields no data (and a warning in the log), and so does one
 * whose answer is longer than its limit ({@link #MAX_OCSP_ANSWER} and {@link #MAX_CRL} unless set) ({@link BoundedAnswer}).
 */
public final class OnlineRevocationSource implements RevocationSource {

    private static final Logger log = LoggerFactory.getLogger(OnlineRevocationSource.class);

    /** The most bytes read from an OCSP answer: 1 MB (one answer with its responder's chain is a few KB). */
    public static final long MAX_OCSP_ANSWER = 1024L * 1024;
    /** The most bytes read from a CRL: 64 MB (a large CA's full list is a few MB to a few tens of MB). */
    public static final long MAX_CRL = 64L * 1024 * 1024;

    private final HttpClient http;
    private final Duration timeout;
    private final long maxOcspAnswer;
    private final long maxCrl;

    public OnlineRevocationSource(Duration timeout) {
        this(timeout, null, MAX_OCSP_ANSWER, MAX_CRL);
    }

    /**
     * @param proxy         the outgoing HTTP proxy, or null for direct connections
     * @param maxOcspAnswer the most bytes read from an OCSP answer
     * @param maxCrl        the most bytes read from a CRL
     */
    public OnlineRevocationSource(Duration timeout, ProxySelector proxy, long maxOcspAnswer, long maxCrl) {
        this.timeout = timeout;
        this.maxOcspAnswer = maxOcspAnswer;
        this.maxCrl = maxCrl;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL);
        this.http = (proxy == null ? builder : builder.proxy(proxy)).build();
    }

    @Override
    public RevocationData revocationData(X509Certificate certificate, X509Certificate issuer) {
        for (String url : urls(certificate, Extension.authorityInfoAccess)) {
            try {
                return new RevocationData(List.of(), List.of(ocsp(url, certificate, issuer)));
            } catch (Exception e) {
                log.warn("OCSP {} did not answer for {}: {}", url, certificate.getSubjectX500Principal(), e.toString());
            }
        }
        for (String url : urls(certificate, Extension.cRLDistributionPoints)) {
            try {
                return new RevocationData(List.of(fetch(HttpRequest.newBuilder(URI.create(url)).GET(),
                        new BoundedAnswer("CRL " + url, maxCrl, null))), List.of());
            } catch (Exception e) {
                log.warn("CRL {} unreachable for {}: {}", url, certificate.getSubjectX500Principal(), e.toString());
            }
        }
        return RevocationData.none();
    }

    private byte[] ocsp(String url, X509Certificate certificate, X509Certificate issuer) throws Exception {
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(issuer), certificate.getSerialNumber());
        byte[] request = new OCSPReqBuilder().addRequest(id).build().getEncoded();
        byte[] answer = fetch(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/ocsp-request")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request)), new BoundedAnswer("OCSP " + url, maxOcspAnswer, null));
        OCSPResp response = new OCSPResp(answer);
        if (response.getStatus() != OCSPResp.SUCCESSFUL) {
            throw new IOException("OCSP status " + response.getStatus());
        }
        return answer;
    }

    private byte[] fetch(HttpRequest.Builder request, BoundedAnswer answers) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = answers.send(http, request.timeout(timeout).build());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode());
        }
        return response.body();
    }

    private static List<String> urls(X509Certificate certificate, org.bouncycastle.asn1.ASN1ObjectIdentifier extension) {
        List<String> urls = new ArrayList<>();
        try {
            var holder = new JcaX509CertificateHolder(certificate);
            if (extension.equals(Extension.authorityInfoAccess)) {
                AuthorityInformationAccess aia = AuthorityInformationAccess.fromExtensions(holder.getExtensions());
                if (aia != null) {
                    for (AccessDescription d : aia.getAccessDescriptions()) {
                        if (d.getAccessMethod().equals(AccessDescription.id_ad_ocsp)) {
                            addUri(urls, d.getAccessLocation());
                        }
                    }
                }
            } else {
                CRLDistPoint points = CRLDistPoint.fromExtensions(holder.getExtensions());
                if (points != null) {
                    for (DistributionPoint p : points.getDistributionPoints()) {
                        if (p.getDistributionPoint() != null && p.getDistributionPoint().getName() instanceof GeneralNames names) {
                            for (GeneralName name : names.getNames()) {
                                addUri(urls, name);
                            }
                        }
                    }
                }
            }
        } catch (Exception e) {
            log.warn("Unreadable revocation pointers in {}: {}", certificate.getSubjectX500Principal(), e.toString());
        }
        return urls;
    }

    private static void addUri(List<String> urls, GeneralName name) {
        if (name.getTagNo() == GeneralName.uniformResourceIdentifier) {
            String uri = ASN1IA5String.getInstance(name.getName()).getString();
            if (uri.startsWith("http")) {
                urls.add(uri);
            }
        }
    }
}
