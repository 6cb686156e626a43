package vn.hocba.signing.registry;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import vn.hocba.common.Rejected;

/** Certificates as they travel: Base64 DER from the agent, a .cer file (DER or PEM), PEM in the database. */
public final class CertificateChains {

    private CertificateChains() {
    }

    /** The chain from Base64 DER certificates, signer first; 400 naming what is wrong. */
    public static List<X509Certificate> fromBase64(List<String> certificates) {
        if (certificates == null || certificates.isEmpty() || certificates.size() > 10) {
            throw Rejected.invalid("Cần chứng thư số (từ 1 đến 10 chứng thư, chứng thư của người ký trước).");
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (String c : certificates) {
            try {
                chain.addAll(read(Base64.getDecoder().decode(c)));
            } catch (IllegalArgumentException e) {
                throw Rejected.invalid("Chứng thư số không đúng định dạng Base64.");
            }
        }
        return chain;
    }

    /** The certificates of a .cer/.crt/.pem file (DER or PEM, one or several). */
    public static List<X509Certificate> read(byte[] file) {
        try {
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(file))) {
                chain.add((X509Certificate) c);
            }
            if (chain.isEmpty()) {
                throw Rejected.invalid("Tệp không chứa chứng thư số nào (cần tệp .cer dạng DER hoặc PEM).");
            }
            return chain;
        } catch (GeneralSecurityException e) {
            throw Rejected.invalid("Tệp không phải chứng thư số X.509 (.cer dạng DER hoặc PEM): " + e.getMessage());
        }
    }

    static String pem(List<X509Certificate> chain) {
        StringBuilder pem = new StringBuilder();
        Base64.Encoder encoder = Base64.getMimeEncoder(64, "\n".getBytes());
        for (X509Certificate c : chain) {
            pem.append("-----BEGIN CERTIFICATE-----\n").append(encoder.encodeToString(encoded(c)))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        return pem.toString();
    }

    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(encoded(certificate)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
