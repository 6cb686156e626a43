package vn.hocba.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.simplereport.SimpleReport;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipInputStream;
import vn.hocba.common.Sha256;
import vn.hocba.signing.SigningServices;
import vn.hocba.signing.verify.SignatureVerifier;

/** Checks of a class's export package: manifest checksums, and every signature valid at PAdES-BASELINE-LTA (EU DSS). */
public final class ExportPackages {

    private ExportPackages() {
    }

    public static void assertManifestMatches(Map<String, byte[]> entries) throws Exception {
        JsonNode manifest = new ObjectMapper().readTree(entries.get("manifest.json"));
        assertThat(manifest.path("files").size()).isEqualTo(entries.size() - 1);
        for (JsonNode file : manifest.path("files")) {
            assertThat(Sha256.hex(entries.get(file.path("path").asText()))).as(file.path("path").asText())
                    .isEqualTo(file.path("sha256").asText());
        }
    }

    public static void assertEverySignatureTotalPassedAtLta(Map<String, byte[]> entries, int sheets, Path pki) {
        SignatureVerifier verifier = new SignatureVerifier(SigningServices.readPemDirectory(pki));
        int pdfs = 0;
        for (var entry : entries.entrySet()) {
            if (!entry.getKey().endsWith(".pdf")) {
                continue;
            }
            pdfs++;
            SimpleReport report = verifier.validate(entry.getValue(), entry.getKey()).getSimpleReport();
            assertThat(report.getSignatureIdList()).as(entry.getKey())
                    .hasSize(entry.getKey().startsWith("pdf/HB-") ? 3 : 1)
                    .allSatisfy(id -> {
                        assertThat(report.getIndication(id)).as(entry.getKey()).isEqualTo(Indication.TOTAL_PASSED);
                        assertThat(report.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_LTA);
                    });
        }
        assertThat(pdfs).isGreaterThan(sheets);
    }

    public static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
