package vn.hocba.hocbaso;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.hocba.pades.SigningServices;
import vn.hocba.pades.TimeStampSource;

/**
 * This installation's {@link SignatureForm} ({@code hocba.hocbaso.signature-form: xades-t | xmldsig}, unset:
 * XAdES-T where the signing services have a TSA) and the TSA its time-stamps come from: the same as the
 * PDF signatures' ({@code SigningServices.timeStamps()}; the development PKI's TSA in the demo and tests).
 * Read at first use, since the signing services are made lazily.
 */
@Component
public class RecordSignatureSetting {

    private static final Logger log = LoggerFactory.getLogger(RecordSignatureSetting.class);

    private final String value;
    private final ObjectProvider<SigningServices> services;
    private volatile SignatureForm form;

    RecordSignatureSetting(@Value("${" + SignatureForm.PROPERTY + ":}") String value,
            ObjectProvider<SigningServices> services) {
        SignatureForm.parse(value); // an unknown word stops the start
        this.value = value;
        this.services = services;
    }

    public SignatureForm form() {
        if (form == null) {
            form = SignatureForm.resolve(value, timeStampsOfServices());
            log.info("Học bạ số: every slot is signed as {} ({}={})", form.setting(), SignatureForm.PROPERTY,
                    value == null || value.isBlank() ? "(unset)" : value);
        }
        return form;
    }

    /** The TSA of the XAdES-T time-stamps; null when the form is plain XMLDSig. */
    public TimeStampSource timeStamps() {
        return form() == SignatureForm.XADES_T ? timeStampsOfServices() : null;
    }

    private TimeStampSource timeStampsOfServices() {
        SigningServices s = services.getIfAvailable();
        return s == null ? null : s.timeStamps();
    }
}
