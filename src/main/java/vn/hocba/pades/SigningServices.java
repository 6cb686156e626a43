package vn.hocba.pades;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import vn.hocba.pades.devpki.DevelopmentPki;
import vn.hocba.pades.verify.SignatureVerifier;

/**
 * The signing module wired for one installation: a TSA, a revocation source and the trust
 * anchors, either the development PKI's ({@link #development}) or real ones
 * ({@link #production}, see {@code signing-config/production.example.yml}). The application
 * makes one at start-up and asks it for the chain, the batch signer and the verifier. {@code reservedSize} is the
 * most bytes one CMS may reserve; each signature reserves what its estimate needs ({@link PadesSigner}).
 */
public record SigningServices(TimeStampSource timeStamps, RevocationSource revocation,
                              List<X509Certificate> trustAnchors, int reservedSize) {

    public SigningServices(TimeStampSource timeStamps, RevocationSource revocation, List<X509Certificate> trustAnchors) {
        this(timeStamps, revocation, trustAnchors, PadesSigner.MAXIMUM_SIGNATURE_SIZE);
    }

    /** Development: the development PKI's TSA, OCSP/CRL and root (open it with {@link DevelopmentPki#openOrCreate}). */
    public static SigningServices development(DevelopmentPki pki) {
        return new SigningServices(pki.timeStampAuthority(), pki.revocationSource(), pki.trustAnchors());
    }

    /** Production: a TSA over HTTP, the CAs' OCSP/CRL services, and the PEM files of {@code trustAnchorsDirectory}. */
    public static SigningServices production(URI timeStampUrl, Path trustAnchorsDirectory, Duration timeout) {
        return new SigningServices(new HttpTimeStampSource(timeStampUrl, timeout), new OnlineRevocationSource(timeout),
                readPemDirectory(trustAnchorsDirectory));
    }

    public CredentialCheck credentialCheck() {
        return new CredentialCheck(trustAnchors, revocation);
    }

    public PadesSigner signer() {
        return new PadesSigner(timeStamps, credentialCheck(), reservedSize);
    }

    public SigningChain chain(Clock clock) {
        return new SigningChain(signer(), new LongTermExtender(timeStamps, revocation, reservedSize), clock);
    }

    public BatchSigner batchSigner() {
        return new BatchSigner(signer(), credentialCheck());
    }

    public SignatureVerifier verifier() {
        return new SignatureVerifier(trustAnchors);
    }

    /** Every certificate in the {@code .pem}/{@code .crt}/{@code .cer}/{@code .der} files of a directory. */
    public static List<X509Certificate> readPemDirectory(Path directory) {
        return readCertificates(directory);
    }

    /**
     * Every certificate in a PEM or DER file, or in the {@code .pem}/{@code .crt}/{@code .cer}/
     * {@code .der} files of a directory (sorted by name).
     */
    public static List<X509Certificate> readCertificates(Path fileOrDirectory) {
        List<X509Certificate> result = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Path file : certificateFiles(fileOrDirectory)) {
                try (InputStream in = Files.newInputStream(file)) {
                    factory.generateCertificates(in).forEach(c -> result.add((X509Certificate) c));
                } catch (CertificateException e) {
                    throw new SigningException("Tệp chứng thư gốc " + file + " không đọc được (cần PEM hoặc DER): "
                            + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
        return result;
    }

    private static List<Path> certificateFiles(Path fileOrDirectory) throws IOException {
        if (!Files.isDirectory(fileOrDirectory)) {
            return List.of(fileOrDirectory);
        }
        try (Stream<Path> files = Files.list(fileOrDirectory)) {
            return files.filter(p -> p.getFileName().toString().matches("(?i).*\\.(pem|crt|cer|der)$")).sorted().toList();
        }
    }
}
