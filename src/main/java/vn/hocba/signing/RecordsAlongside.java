package vn.hocba.signing;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import vn.hocba.audit.Actor;
import vn.hocba.hocbaso.ClassRecordSigning;
import vn.hocba.pades.BatchSigner;
import vn.hocba.pades.BatchSigningCredential;
import vn.hocba.pades.SigningCredential;

/**
 * One approval signs both: the person's học bạ số slot of every record of the class is signed in the same
 * step and with the same credential as their PDFs. For a batch credential (token behind one PIN, remote
 * service behind one approval, the person's own device) the records' data to sign rides along in the PDF
 * batch's single call; otherwise each record is signed with the credential directly after the PDFs.
 */
final class RecordsAlongside {

    private RecordsAlongside() {
    }

    static BatchSigner.Result run(ClassRecordSigning records, ClassRecordSigning.Prepared prepared,
            SigningCredential credential, Actor by, Function<SigningCredential, BatchSigner.Result> pdfStep) {
        List<byte[]> xml = prepared.dataToSign();
        Combined combined = credential instanceof BatchSigningCredential batch && !xml.isEmpty()
                ? new Combined(batch, xml) : null;
        BatchSigner.Result result = pdfStep.apply(combined != null ? combined : credential);
        if (combined != null && combined.xmlValues != null) {
            records.complete(prepared, combined.xmlValues, by);
        } else {
            records.sign(prepared, credential, by);
        }
        return result;
    }

    /** The batch credential asked once for the PDFs' and the records' values together. */
    private static final class Combined implements BatchSigningCredential {

        private final BatchSigningCredential inner;
        private final List<byte[]> xml;
        private List<byte[]> xmlValues;

        Combined(BatchSigningCredential inner, List<byte[]> xml) {
            this.inner = inner;
            this.xml = xml;
        }

        @Override
        public List<X509Certificate> certificateChain() {
            return inner.certificateChain();
        }

        @Override
        public List<byte[]> signAll(List<byte[]> pdfData) {
            if (xmlValues != null) {
                return inner.signAll(pdfData);
            }
            List<byte[]> all = new ArrayList<>(pdfData);
            all.addAll(xml);
            List<byte[]> values = inner.signAll(all);
            xmlValues = List.copyOf(values.subList(pdfData.size(), values.size()));
            return List.copyOf(values.subList(0, pdfData.size()));
        }
    }
}
