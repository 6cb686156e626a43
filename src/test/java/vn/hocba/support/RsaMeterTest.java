package vn.hocba.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.RSADigestSigner;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.junit.jupiter.api.Test;

/** The benchmarks' RSA meter counts private-key operations of the JDK and of Bouncy Castle, and nothing else. */
class RsaMeterTest {

    @Test
    void countsEachPrivateKeyOperationOnceAndNoVerification() throws Exception {
        RsaMeter meter = RsaMeter.install();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        byte[] data = "học bạ".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        long before = meter.count();
        Signature jdk = Signature.getInstance("SHA256withRSA");
        jdk.initSign(keys.getPrivate());
        jdk.update(data);
        byte[] value = jdk.sign();
        jdk.initVerify(keys.getPublic());
        jdk.update(data);
        assertThat(jdk.verify(value)).isTrue();
        assertThat(meter.count() - before).as("one JDK signature, its verification not counted").isEqualTo(1);

        RSADigestSigner bc = new RSADigestSigner(new SHA256Digest());
        bc.init(true, PrivateKeyFactory.createKey(keys.getPrivate().getEncoded()));
        bc.update(data, 0, data.length);
        byte[] bcValue = bc.generateSignature();
        RSADigestSigner check = new RSADigestSigner(new SHA256Digest());
        check.init(false, (RSAKeyParameters) PublicKeyFactory.createKey(keys.getPublic().getEncoded()));
        check.update(data, 0, data.length);
        assertThat(check.verifySignature(bcValue)).isTrue();
        assertThat(meter.count() - before).as("and one Bouncy Castle signature").isEqualTo(2);
        assertThat(meter.seconds()).isPositive();
        assertThat(RsaMeter.cpuMillisOfOne()).isBetween(0.01, 100.0);

        var pki = vn.hocba.pades.devpki.DevelopmentPki.createFresh(java.nio.file.Files.createTempDirectory("rsa-meter")
                .resolve("pki"));
        long tokens = meter.standInCalls().getOrDefault("InProcessTimeStampAuthority.timeStamp", 0L);
        before = meter.count();
        pki.timeStampAuthority().timeStamp(new byte[32]);
        assertThat(meter.standInCalls()).containsEntry("InProcessTimeStampAuthority.timeStamp", tokens + 1);
        assertThat(meter.count() - before).as("a time-stamp token is one RSA signature of the TSA").isEqualTo(1);
    }
}
