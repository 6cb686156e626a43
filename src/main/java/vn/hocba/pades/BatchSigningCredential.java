package vn.hocba.pades;

import java.util.List;

/**
 * A credential that signs a whole batch at once, after one authorisation: the person's USB token
 * behind the local signing agent (one PIN entry), a remote signing service (one approval on the
 * phone). {@link BatchSigner} then prepares every document first, asks for all signature values in
 * one call and writes nothing unless every value is valid for the credential's certificate.
 */
public interface BatchSigningCredential extends SigningCredential {

    /**
     * Signs every element of {@code dataToSign} (DER signed attributes, see {@link DataToSign#bytes()});
     * returns one raw signature value per element, in order.
     *
     * @throws SigningException with a Vietnamese message when the device or service refused or failed;
     *                          then nothing of the batch is written
     */
    List<byte[]> signAll(List<byte[]> dataToSign);

    @Override
    default byte[] sign(byte[] dataToSign) {
        return signAll(List.of(dataToSign)).get(0);
    }
}
