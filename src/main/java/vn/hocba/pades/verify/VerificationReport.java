package vn.hocba.pades.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;

/**
 * The result of verifying one document: its signatures, its document time-stamps and the overall
 * verdict. Whether a newer version supersedes the document is known to the exchange module, not
 * to the file; it sets {@code supersededBy} through {@link #supersededBy(String)}.
 *
 * @param coversWholeFile the last signature or document time-stamp covers the file up to its last byte: nothing,
 *                        not even an unsigned revision, was appended after it
 * @param unsignedFields  signature fields of the document left empty (a box whose signature is missing, such
 *                        as the seal's when its revision was cut off)
 */
public record VerificationReport(String document, Verdict verdict, List<SignatureFinding> signatures,
                                 List<TimeStampFinding> documentTimeStamps, String supersededBy,
                                 boolean coversWholeFile, List<String> unsignedFields) {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** The same report, noting the newer version (its id or file name) that supersedes this one. */
    public VerificationReport supersededBy(String newerVersion) {
        return new VerificationReport(document, verdict, signatures, documentTimeStamps, newerVersion,
                coversWholeFile, unsignedFields);
    }

    /** The report for machines. */
    public String toJson() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The report for people, in Vietnamese. */
    public String toText() {
        return VerificationText.render(this);
    }
}
