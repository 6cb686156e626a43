package vn.hocba.pades.devpki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.KeyUsage;
import vn.hocba.pades.CredentialCheck;
import vn.hocba.pades.Pkcs12Credential;
import vn.hocba.pades.SigningCredential;

/**
 * A development PKI kept in one directory (the application passes {@code ${hocba.data-dir}/pki}):
 * created at first use, reused afterwards, never committed. Layout: {@code root.p12},
 * {@code root.pem}, {@code tsa.p12}, {@code people/<name>.p12}, {@code revoked.txt}. Every
 * PKCS#12 file has the password {@link #PASSWORD} (development only).
 */
public final class DevelopmentPki {

    /** Password of every PKCS#12 file of the development PKI. Development only. */
    public static final String PASSWORD = "hocba-dev";
    /** The organisation in every development certificate: no real school, of no particular level. */
    public static final String ORGANISATION = "Nhà trường HocBa (phát triển)";
    private static final int SIGNING_USAGE = KeyUsage.digitalSignature | KeyUsage.nonRepudiation;

    private final Path directory;
    private final X509Certificate root;
    private final PrivateKey rootKey;
    private final InProcessTimeStampAuthority tsa;
    private final InProcessRevocation revocation;

    private DevelopmentPki(Path directory, X509Certificate root, PrivateKey rootKey, InProcessTimeStampAuthority tsa) {
        this.directory = directory;
        this.root = root;
        this.rootKey = rootKey;
        this.tsa = tsa;
        this.revocation = new InProcessRevocation(root, rootKey, directory.resolve("revoked.txt"));
    }

    /** Opens the PKI in {@code directory}, creating root and TSA there at first use. */
    public static DevelopmentPki openOrCreate(Path directory) {
        try {
            Files.createDirectories(directory.resolve("people"));
            Path rootFile = directory.resolve("root.p12");
            if (!Files.exists(rootFile)) {
                createRoot(directory);
            }
            KeyStore rootStore = KeyFiles.load(rootFile);
            X509Certificate root = (X509Certificate) rootStore.getCertificate("root");
            PrivateKey rootKey = (PrivateKey) rootStore.getKey("root", PASSWORD.toCharArray());
            Path tsaFile = directory.resolve("tsa.p12");
            if (!Files.exists(tsaFile)) {
                X500Name name = name("Dịch vụ dấu thời gian HocBa (phát triển)", "Dịch vụ cấp dấu thời gian");
                KeyPair keys = CertificateMaker.rsaKeyPair();
                X509Certificate cert = CertificateMaker.endEntity(name, keys.getPublic(), root, rootKey, Instant.now()
                        .minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(3650)),
                        KeyUsage.digitalSignature | KeyUsage.nonRepudiation, true, null);
                KeyFiles.store(tsaFile, "tsa", keys.getPrivate(), cert, root);
            }
            KeyStore tsaStore = KeyFiles.load(tsaFile);
            InProcessTimeStampAuthority tsa = new InProcessTimeStampAuthority(
                    (PrivateKey) tsaStore.getKey("tsa", PASSWORD.toCharArray()),
                    List.of((X509Certificate) tsaStore.getCertificate("tsa"), root));
            DevelopmentPki pki = new DevelopmentPki(directory, root, rootKey, tsa);
            if (!Files.exists(directory.resolve("root.pem"))) {
                pki.writeRootPem(directory.resolve("root.pem"));
            }
            return pki;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot open the development PKI in " + directory, e);
        }
    }

    /** A brand-new PKI in {@code directory}, which must not contain one yet. */
    public static DevelopmentPki createFresh(Path directory) {
        if (Files.exists(directory.resolve("root.p12"))) {
            throw new IllegalStateException("a development PKI already exists in " + directory);
        }
        return openOrCreate(directory);
    }

    /**
     * The credential of a person (teacher, principal), issued at first request and reused after.
     *
     * @param role the title written into the certificate, e.g. "Giáo viên chủ nhiệm"
     */
    public SigningCredential issue(String personName, String role, String email) {
        Path file = directory.resolve("people").resolve(slug(personName) + ".p12");
        if (!Files.exists(file)) {
            Instant now = Instant.now();
            issueInto(file, CertificateMaker.rsaKeyPair(), personName, role, email, now.minus(Duration.ofDays(1)),
                    now.plus(Duration.ofDays(3 * 365)), SIGNING_USAGE);
        }
        return open(file);
    }

    /** What a credential file held when it was last opened: reused while the file is unchanged. */
    private record Opened(java.nio.file.attribute.FileTime modified, long size, SigningCredential credential) {
    }

    private final java.util.Map<Path, Opened> opened = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The credential of {@code file}, opened again only when the file changed (opening a PKCS#12 file costs two
     * PBKDF2 derivations: 6 % of a subject sheet's signature step when every step opened it, issue 19).
     */
    private SigningCredential open(Path file) {
        try {
            var modified = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            Opened known = opened.get(file);
            if (known != null && known.modified().equals(modified) && known.size() == size) {
                return known.credential();
            }
            SigningCredential credential = Pkcs12Credential.open(file, PASSWORD.toCharArray());
            opened.put(file, new Opened(modified, size, credential));
            return credential;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Like {@link #issue}, with an ECDSA P-256 key instead of RSA-2048 (both allowed by TT 15/2025). */
    public SigningCredential issueEcdsa(String personName, String role, String email) {
        Path file = directory.resolve("people").resolve(slug(personName) + "-p256.p12");
        if (!Files.exists(file)) {
            Instant now = Instant.now();
            issueInto(file, CertificateMaker.ecKeyPair(), personName, role, email, now.minus(Duration.ofDays(1)),
                    now.plus(Duration.ofDays(3 * 365)), SIGNING_USAGE);
        }
        return Pkcs12Credential.open(file, PASSWORD.toCharArray());
    }

    /** The school's organisation certificate, which makes the seal signature, named {@link #ORGANISATION}. */
    public SigningCredential organisation() {
        return organisation(ORGANISATION);
    }

    /** An organisation certificate for the seal of the school {@code schoolName}, e.g. "TRƯỜNG THCS MẪU". */
    public SigningCredential organisation(String schoolName) {
        return issue(schoolName, "Con dấu nhà trường", null);
    }

    /**
     * A certificate with the given validity and key usage, for demonstrating and testing refusals
     * (expired, not yet valid, encryption-only). Not kept for reuse.
     */
    public SigningCredential issueUnusual(String personName, Instant notBefore, Instant notAfter, int keyUsage) {
        Path file = directory.resolve("people").resolve(slug(personName) + "-" + System.nanoTime() + ".p12");
        issueInto(file, CertificateMaker.rsaKeyPair(), personName, "Thử nghiệm", null, notBefore, notAfter, keyUsage);
        return Pkcs12Credential.open(file, PASSWORD.toCharArray());
    }

    /** Revokes a certificate (key compromise). */
    public void revoke(X509Certificate certificate) {
        revocation.revoke(certificate);
    }

    public X509Certificate rootCertificate() {
        return root;
    }

    /** The trust anchors to configure with this PKI: its root. */
    public List<X509Certificate> trustAnchors() {
        return List.of(root);
    }

    public InProcessTimeStampAuthority timeStampAuthority() {
        return tsa;
    }

    public InProcessRevocation revocationSource() {
        return revocation;
    }

    /** Checks against this PKI's root and revocation service. */
    public CredentialCheck credentialCheck() {
        return new CredentialCheck(trustAnchors(), revocation);
    }

    /** The root certificate as PEM, e.g. for {@code DIR/trust-root.pem}. */
    public String rootPem() {
        return KeyFiles.pem(root);
    }

    /** Writes {@link #rootPem()} to {@code file}. */
    public void writeRootPem(Path file) {
        try {
            Files.writeString(file, rootPem(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void issueInto(Path file, KeyPair keys, String personName, String role, String email, Instant from,
                           Instant to, int keyUsage) {
        X509Certificate cert = CertificateMaker.endEntity(name(personName, role), keys.getPublic(), root, rootKey,
                from, to, keyUsage, false, email);
        try {
            KeyFiles.store(file, "signer", keys.getPrivate(), cert, root);
        } catch (Exception e) {
            throw new IllegalStateException("cannot store the credential of " + personName, e);
        }
    }

    private static void createRoot(Path directory) throws Exception {
        KeyPair keys = CertificateMaker.rsaKeyPair();
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN")
                .addRDN(BCStyle.O, "HocBa (phát triển)").addRDN(BCStyle.CN, "HocBa Development Root CA").build();
        Instant now = Instant.now();
        X509Certificate root = CertificateMaker.root(keys, name, now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(7300)));
        KeyFiles.store(directory.resolve("root.p12"), "root", keys.getPrivate(), root);
        Files.writeString(directory.resolve(".gitignore"), "*\n");
    }

    private static X500Name name(String commonName, String title) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN").addRDN(BCStyle.O, ORGANISATION)
                .addRDN(BCStyle.T, title).addRDN(BCStyle.CN, commonName).build();
    }

    static String slug(String name) {
        String ascii = Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

}
