package vn.hocba.pades.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The document security store ({@code /DSS}, ISO 32000-2 §12.8.4.3): certificates, CRLs and OCSP
 * responses that a validator needs in twenty years when no CA answers any more. Entries already
 * present are kept and not added twice.
 */
public final class DssDictionary {

    private static final COSName CERTS = COSName.getPDFName("Certs");
    private static final COSName CRLS = COSName.getPDFName("CRLs");
    private static final COSName OCSPS = COSName.getPDFName("OCSPs");

    private final PDDocument document;
    private final COSDictionary dss;
    private final Set<String> present = new HashSet<>();

    public DssDictionary(PDDocument document) throws IOException {
        this.document = document;
        COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
        COSDictionary existing = catalog.getCOSDictionary(COSName.DSS);
        this.dss = existing != null ? existing : new COSDictionary();
        catalog.setItem(COSName.DSS, dss);
        catalog.setNeedToBeUpdated(true);
        dss.setNeedToBeUpdated(true);
        for (COSName key : new COSName[] {CERTS, CRLS, OCSPS}) {
            remember(dss.getCOSArray(key));
        }
    }

    public void addCertificate(byte[] der) throws IOException {
        add(CERTS, der);
    }

    public void addCrl(byte[] der) throws IOException {
        add(CRLS, der);
    }

    public void addOcspResponse(byte[] der) throws IOException {
        add(OCSPS, der);
    }

    private void add(COSName key, byte[] der) throws IOException {
        if (!present.add(fingerprint(der))) {
            return;
        }
        COSArray array = dss.getCOSArray(key);
        if (array == null) {
            array = new COSArray();
            dss.setItem(key, array);
        }
        COSStream stream = document.getDocument().createCOSStream();
        try (OutputStream out = stream.createOutputStream()) {
            out.write(der);
        }
        array.add(stream);
        array.setNeedToBeUpdated(true);
    }

    private void remember(COSArray array) throws IOException {
        if (array == null) {
            return;
        }
        for (COSBase item : array.toList()) {
            COSBase object = item instanceof org.apache.pdfbox.cos.COSObject o ? o.getObject() : item;
            if (object instanceof COSStream stream) {
                try (var in = stream.createInputStream()) {
                    present.add(fingerprint(in.readAllBytes()));
                }
            }
        }
    }

    private static String fingerprint(byte[] der) {
        return HexFormat.of().formatHex(CmsSignature.sha256(der));
    }
}
