package vn.hocba.hocbaso;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import vn.hocba.pades.TimeStampSource;

/**
 * The form of every slot's signature ({@code hocba.hocbaso.signature-form}): plain XMLDSig with one reference
 * (the provisional profile as the national client and vendors' tools sign), or XAdES-T (XAdES-B-B signed
 * properties as a second reference, plus a signature time-stamp from the school's TSA). Whether the store
 * wants XAdES is an open question for the Sở (docs/hocbaso.md); the setting lets the school switch.
 */
public enum SignatureForm {
    XMLDSIG("xmldsig"),
    XADES_T("xades-t");

    /** The property that chooses the form. */
    public static final String PROPERTY = "hocba.hocbaso.signature-form";

    private final String setting;

    SignatureForm(String setting) {
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }

    /**
     * The form the setting asks for; unset (blank): XAdES-T where a TSA is configured, XMLDSig otherwise.
     *
     * @throws IllegalStateException naming the property, for an unknown value or XAdES-T without a TSA
     */
    public static SignatureForm resolve(String value, TimeStampSource timeStamps) {
        SignatureForm form = parse(value);
        if (form == null) {
            return timeStamps != null ? XADES_T : XMLDSIG;
        }
        if (form == XADES_T && timeStamps == null) {
            throw new IllegalStateException(PROPERTY + ": " + XADES_T.setting + " cần dịch vụ cấp dấu thời gian (TSA), "
                    + "mà hocba.signing.time-stamping chưa có.");
        }
        return form;
    }

    /**
     * The form a value names; null when blank.
     *
     * @throws IllegalStateException naming the property, for an unknown value
     */
    static SignatureForm parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(values()).filter(f -> f.setting.equals(value.trim())).findFirst()
                .orElseThrow(() -> new IllegalStateException(PROPERTY + ": «" + value + "» không phải "
                        + XADES_T.setting + " hay " + XMLDSIG.setting + "."));
    }

    /** The SigningTime a slot signed now states in this form; null for plain XMLDSig (it states none). */
    public Instant signingTime(Clock clock) {
        return this == XADES_T ? XadesProperties.signingTime(clock.instant()) : null;
    }
}
