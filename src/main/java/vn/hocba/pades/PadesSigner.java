package vn.hocba.pades;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TimeZone;
import java.util.function.Supplier;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1Set;
import vn.hocba.pades.internal.CmsSignature;
import vn.hocba.pades.internal.ContentsReservation;
import vn.hocba.pades.internal.IncrementalWriter;
import vn.hocba.pades.internal.PdfLoading;
import vn.hocba.pades.internal.SignatureBoxes;
import vn.hocba.pades.internal.StampCopies;

/**
 * PAdES approval signatures in three steps ({@link #prepare} → credential → {@link #embed}), each
 * an incremental update of the document: {@code /Filter /Adobe.PPKLite},
 * {@code /SubFilter /ETSI.CAdES.detached}, signing-certificate-v2, no signing-time attribute, the
 * claimed time in {@code /M}, and an RFC 3161 signature time-stamp (PAdES B-T) when a TSA is given.
 * Thread-safe.
 */
public final class PadesSigner {

    /**
     * The most bytes one CMS may reserve by default ({@code hocba.signing.reserved-signature-size}); the profile
     * allows 16–32 KB. Each signature reserves what its estimate needs ({@link ContentsReservation}), at least
     * {@link #MINIMUM_SIGNATURE_SIZE}.
     */
    public static final int MAXIMUM_SIGNATURE_SIZE = ContentsReservation.LARGEST;
    /** The smallest reservation of the profile ("16–32 KB"), whatever the estimate. */
    public static final int MINIMUM_SIGNATURE_SIZE = ContentsReservation.MINIMUM;

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter STAMP_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final TimeStampSource timeStamps;
    private final CredentialCheck check;
    private final ContentsReservation reservation;

    /**
     * @param timeStamps the TSA for signature time-stamps, or null for PAdES B-B
     * @param check      the checks run on a credential before {@link #sign} uses it
     */
    public PadesSigner(TimeStampSource timeStamps, CredentialCheck check) {
        this(timeStamps, check, MAXIMUM_SIGNATURE_SIZE);
    }

    /**
     * @param maximumSize the most bytes one CMS may reserve (the profile allows 16–32 KB). Each signature reserves
     *                    the smallest size of the profile that holds a conservative estimate of its CMS: its
     *                    signer's chain and the largest token {@code timeStamps} returned so far, with a margin
     *                    (every later revision writes, loads and hashes the reservation as hex).
     */
    public PadesSigner(TimeStampSource timeStamps, CredentialCheck check, int maximumSize) {
        this.timeStamps = timeStamps;
        this.check = check;
        this.reservation = new ContentsReservation(maximumSize);
    }

    /**
     * Checks the credential, then prepares, signs and embeds in one go.
     *
     * @throws CredentialRefusedException before anything is written when the credential may not sign
     */
    public byte[] sign(byte[] pdf, SignatureRequest request, SigningCredential credential) {
        check.requireUsable(credential, Instant.now()); // the real moment of signing, not the claim
        DataToSign data = prepare(pdf, request, credential.certificateChain());
        return embed(data, credential.sign(data.bytes()));
    }

    /** Step 1: reserves the signature in an incremental update; returns what is to be signed. */
    public DataToSign prepare(byte[] pdf, SignatureRequest request, List<X509Certificate> chain) {
        try (PDDocument document = PdfLoading.load(pdf)) {
            return prepare(document, pdf, request, chain);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /**
     * Step 1 for a batch: null when the credential's certificate signed {@code pdf} already, else as {@link #prepare},
     * with the file {@code attachment} gives (asked only then) attached to the last page in the signature's own
     * revision ({@link AssociatedFileUpdate#attachToPage}'s annotation), so the signature covers it. The check and the
     * preparation share one load of the document (the second load of the same bytes was 5–8 % of a homeroom or
     * principal batch in a profile of the whole-school benchmark); the school seal's attachment of the học bạ số
     * record had a load, a "sealed already?" check and an incremental save of its own (issue 19).
     */
    DataToSign prepareUnlessSigned(byte[] pdf, SignatureRequest request, SigningCredential credential,
            Supplier<Optional<AssociatedFileUpdate.File>> attachment) {
        PDDocument document;
        try {
            document = PdfLoading.load(pdf);
        } catch (IOException e) {
            throw BatchSigner.unreadableSignatures(e);
        }
        try (document) {
            if (BatchSigner.signedBy(document, pdf, credential.certificate())) {
                return null;
            }
            Optional<AssociatedFileUpdate.File> file = attachment.get();
            if (file.isPresent()) {
                AssociatedFileUpdate.annotate(document, -1, file.get());
            }
            return prepare(document, pdf, request, credential.certificateChain());
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private DataToSign prepare(PDDocument document, byte[] pdf, SignatureRequest request, List<X509Certificate> chain)
            throws IOException {
        X509Certificate signer = chain.get(0);
        String name = CertificateNames.commonName(signer);
        int reservedSize = reservation.forSignature(chain, timeStamps != null,
                timeStamps == null ? OptionalInt.empty() : timeStamps.largestTokenSize());
        try (SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = signatureDictionary(request, name);
            PDRectangle existing = SignatureBoxes.reserveExisting(document, request.fieldName(), signature);
            PDRectangle drawing = SignatureBoxes.emptyAppearanceBox(document, request.fieldName()); // kept as is
            PDRectangle box = request.visible() ? existing : null; // an invisible signature empties its box
            if (existing == null && request.visible() && request.placement() != null) {
                SignatureRequest.Placement p = request.placement();
                box = new PDRectangle(p.x(), p.y(), p.width(), p.height());
                options.setPage(p.page());
            }
            options.setPreferredSignatureSize(reservedSize);
            document.addSignature(signature, options);
            if (box != null && drawing == null) { // a new box, or one without an appearance yet
                drawing = new PDRectangle(box.getWidth(), box.getHeight());
            }
            PDAppearanceStream stamp = box == null ? null : stamp(document, request, name, drawing);
            SignatureBoxes.finish(document, signature, request.fieldName(), box, stamp);
            IncrementalWriter.Reserved reserved = IncrementalWriter.saveWithReservedSignature(document, pdf, signature,
                    reservedSize);
            ASN1Set attributes = CmsSignature.signedAttributes(reserved.digest(), signer);
            return new DataToSign(reserved, attributes, CmsSignature.encode(attributes), chain);
        }
    }

    private static SigningException unreadable(IOException e) {
        return new SigningException("Không đọc được tệp PDF để ký: " + e.getMessage(), e);
    }

    /**
     * Step 3: builds the CMS around {@code signatureValue} (with its signature time-stamp) and
     * writes it into the reserved space. Returns the signed document.
     */
    public byte[] embed(DataToSign data, byte[] signatureValue) {
        return embedAll(List.of(data), List.of(signatureValue)).get(0);
    }

    /**
     * Step 3 for several documents ({@code values} in the order of {@code data}): as {@link #embed}, their signature
     * time-stamps asked for together ({@link TimeStampSource#timeStampAll}: a TSA over the internet answers a chunk of
     * a class's documents in one round trip instead of one each). Returns the signed documents in the same order;
     * throws, embedding nothing, when a value does not match its certificate or the time-stamps cannot be had.
     */
    List<byte[]> embedAll(List<DataToSign> data, List<byte[]> values) {
        for (int i = 0; i < data.size(); i++) {
            requireValid(data.get(i), values.get(i));
        }
        List<byte[]> tokens = timeStamps == null ? null
                : timeStamps.timeStampAll(values.stream().map(CmsSignature::sha256).toList());
        List<byte[]> signed = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            byte[] cms = CmsSignature.signedData(data.get(i).signedAttributes(), values.get(i), data.get(i).chain(),
                    tokens == null ? null : tokens.get(i));
            signed.add(reservation.fill(data.get(i).reserved(), cms, "Chữ ký"));
        }
        return signed;
    }

    static void requireValid(DataToSign data, byte[] signatureValue) {
        X509Certificate signer = data.chain().get(0);
        try {
            String algorithm = "EC".equals(signer.getPublicKey().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(signer.getPublicKey());
            verifier.update(data.bytes());
            if (verifier.verify(signatureValue)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            // falls through to the refusal below
        }
        throw new SigningException("Giá trị chữ ký không khớp với chứng thư số của "
                + CertificateNames.commonName(signer) + "; thiết bị ký đã dùng một khóa khác. Không nhúng chữ ký.");
    }

    private static PDSignature signatureDictionary(SignatureRequest request, String name) {
        PDSignature signature = new PDSignature();
        signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
        signature.setSubFilter(COSName.getPDFName("ETSI.CAdES.detached"));
        signature.setName(name);
        signature.setReason(request.role().title());
        if (request.location() != null) {
            signature.setLocation(request.location());
        }
        Calendar time = Calendar.getInstance(TimeZone.getTimeZone(VIETNAM));
        time.setTimeInMillis(request.claimedTime().toEpochMilli());
        signature.setSignDate(time);
        return signature;
    }

    private static PDAppearanceStream stamp(PDDocument document, SignatureRequest request, String name,
                                            PDRectangle bbox) {
        String time = "Ngày ký: " + STAMP_TIME.format(request.claimedTime().atZone(VIETNAM)) + " (GMT+7)";
        boolean seal = request.role() == SignerRole.SCHOOL_SEAL;
        List<String> lines = seal ? List.of("Ký số bởi: " + name, time) : List.of(name, time);
        String title = seal ? "Đã ký số và đóng dấu" : request.role().title();
        return StampCopies.draw(document, bbox, title, lines, seal ? name : null);
    }
}
