package vn.hocba.pades.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;

/**
 * The result of verifying one document: its signatures, its document time-stamps and the overall
 * verdict. Whether a newer version supersedes the document is known to the exchange module, not
 * to the file; it sets {@code supersededBy} through {@link #supersededBy(String)}.
 */
public record VerificationReport(String document, Verdict verdict, List<SignatureFinding> signatures,
                                 List<Instant> documentTimeStamps, String supersededBy) {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** The same report, noting the newer version (its id or file name) that supersedes this one. */
    public VerificationReport supersededBy(String newerVersion) {
        return new VerificationReport(document, verdict, signatures, documentTimeStamps, newerVersion);
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
