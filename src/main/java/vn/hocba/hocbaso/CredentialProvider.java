package vn.hocba.hocbaso;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SignatureSpi;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECParameterSpec;
import java.util.Map;
import vn.hocba.pades.SigningCredential;

/**
 * Lets the JDK's XMLDSig implementation sign through a {@link SigningCredential} (the same "sign
 * these bytes" step as the PDF signatures: PKCS#12, PKCS#11, remote service): a JCA provider handed
 * to the signing context only (never installed), whose {@code SHA256withRSA}/{@code SHA256withECDSA}
 * pass the canonical {@code SignedInfo} to the credential. The JDK converts an ECDSA value from DER
 * to XMLDSig's r‖s itself.
 */
final class CredentialProvider extends Provider {

    /** The context property the JDK reads for the provider of the signature algorithm. */
    static final String CONTEXT_PROPERTY = "org.jcp.xml.dsig.internal.dom.SignatureProvider";

    CredentialProvider(SigningCredential credential) {
        super("HocBaCredential", "1", "Signs through a HocBa signing credential");
        for (String algorithm : new String[] {"SHA256withRSA", "SHA256withECDSA"}) {
            putService(new Service(this, "Signature", algorithm, CredentialSignature.class.getName(), null,
                    Map.of()) {
                @Override
                public Object newInstance(Object parameter) {
                    return new CredentialSignature(credential);
                }
            });
        }
    }

    /** The private key handle given to the JDK: it only carries the algorithm (and EC parameters). */
    static PrivateKey keyOf(SigningCredential credential) {
        PublicKey publicKey = credential.certificate().getPublicKey();
        if (publicKey instanceof ECPublicKey ec) {
            return new EcHandle(ec.getParams());
        }
        return new RsaHandle();
    }

    private static final class CredentialSignature extends SignatureSpi {

        private final SigningCredential credential;
        private final ByteArrayOutputStream data = new ByteArrayOutputStream();

        CredentialSignature(SigningCredential credential) {
            this.credential = credential;
        }

        @Override
        protected void engineInitVerify(PublicKey publicKey) throws InvalidKeyException {
            throw new InvalidKeyException("only signs");
        }

        @Override
        protected void engineInitSign(PrivateKey privateKey) {
            data.reset();
        }

        @Override
        protected void engineUpdate(byte b) {
            data.write(b);
        }

        @Override
        protected void engineUpdate(byte[] b, int off, int len) {
            data.write(b, off, len);
        }

        @Override
        protected byte[] engineSign() {
            return credential.sign(data.toByteArray());
        }

        @Override
        protected boolean engineVerify(byte[] sigBytes) {
            throw new UnsupportedOperationException();
        }

        @Override
        @Deprecated
        protected void engineSetParameter(String param, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        @Deprecated
        protected Object engineGetParameter(String param) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class RsaHandle implements PrivateKey {
        @Override
        public String getAlgorithm() {
            return "RSA";
        }

        @Override
        public String getFormat() {
            return null;
        }

        @Override
        public byte[] getEncoded() {
            return null;
        }
    }

    private record EcHandle(ECParameterSpec params) implements ECPrivateKey {
        @Override
        public BigInteger getS() {
            throw new UnsupportedOperationException("the key stays in the signing device");
        }

        @Override
        public ECParameterSpec getParams() {
            return params;
        }

        @Override
        public String getAlgorithm() {
            return "EC";
        }

        @Override
        public String getFormat() {
            return null;
        }

        @Override
        public byte[] getEncoded() {
            return null;
        }
    }
}
