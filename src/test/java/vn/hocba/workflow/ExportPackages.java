package vn.hocba.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.simplereport.SimpleReport;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.text.PDFTextStripper;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import vn.hocba.common.Sha256;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.TeachingAssignment;
import vn.hocba.pades.SigningServices;
import vn.hocba.pades.verify.SignatureVerifier;

/**
 * Checks of a class's export package: manifest checksums, every signature valid at
 * PAdES-BASELINE-LTA (EU DSS), and transcripts and the class gradebook referring to the signed
 * subject sheets in it.
 */
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

    /**
     * The package holds the class gradebook, a sheet per subject, a transcript and a report card per
     * student; each signed by whom it should be (transcripts and class gradebook: homeroom teacher,
     * principal, seal; report cards: homeroom teacher; a sheet: each teacher of its subject), every
     * signature TOTAL_PASSED at PAdES-BASELINE-LTA.
     */
    public static void assertEverySignatureTotalPassedAtLta(Map<String, byte[]> entries, Map<String, List<String>> teachers,
            int students, Path pki) {
        SignatureVerifier verifier = new SignatureVerifier(SigningServices.readPemDirectory(pki));
        Map<String, Integer> kinds = new HashMap<>();
        for (var entry : entries.entrySet()) {
            if (!entry.getKey().endsWith(".pdf")) {
                continue;
            }
            String id = entry.getKey().substring("pdf/".length());
            kinds.merge(id.substring(0, 2), 1, Integer::sum);
            SimpleReport report = verifier.validate(entry.getValue(), entry.getKey()).getSimpleReport();
            assertThat(report.getSignatureIdList()).as(entry.getKey())
                    .hasSize(id.startsWith("KQ-") ? teachers.get(subjectOf(id)).size() : id.startsWith("LL-") ? 1 : 3)
                    .allSatisfy(s -> {
                        assertThat(report.getIndication(s)).as(entry.getKey()).isEqualTo(Indication.TOTAL_PASSED);
                        assertThat(report.getSignatureFormat(s)).isEqualTo(SignatureLevel.PAdES_BASELINE_LTA);
                    });
        }
        assertThat(kinds).containsEntry("SO", 1).containsEntry("KQ", teachers.size()).containsEntry("HB", students)
                .containsEntry("LL", students);
    }

    /**
     * Every subject row of every transcript names who signed its sheet and the SHA-256 of that sheet
     * exactly as exported, in the embedded data XML and in the printed text.
     */
    static void assertTranscriptsReferToTheirSignedSheets(Map<String, byte[]> entries, Map<String, List<String>> teachers)
            throws Exception {
        int transcripts = 0;
        for (var entry : entries.entrySet()) {
            if (entry.getKey().startsWith("pdf/HB-")) {
                transcripts++;
                assertSubjectsReferToSignedSheets(entries, entry.getKey(), teachers);
            }
        }
        assertThat(transcripts).isPositive();
    }

    /**
     * The class gradebook's marks tables each refer to their subject's signed sheet as exported (SHA-256
     * and signers, in the data XML and printed), and it has no subject teacher box left: no {@code gvbm_}
     * field, and every signature field it has is signed.
     */
    static void assertClassGradebookRefersToTheSignedSheets(Map<String, byte[]> entries,
            Map<String, List<String>> teachers) throws Exception {
        List<String> gradebooks = entries.keySet().stream().filter(n -> n.startsWith("pdf/SO-")).toList();
        assertThat(gradebooks).hasSize(1);
        String name = gradebooks.get(0);
        assertSubjectsReferToSignedSheets(entries, name, teachers);
        try (var document = Loader.loadPDF(entries.get(name))) {
            List<String> fields = new ArrayList<>();
            document.getDocumentCatalog().getAcroForm().getFieldTree().forEach(field -> {
                if (field instanceof PDSignatureField signature) {
                    fields.add(signature.getFullyQualifiedName()
                            + (signature.getSignature() == null ? " (unsigned)" : ""));
                }
            });
            assertThat(fields).as(name).contains("gvcn", "hieu_truong", "con_dau")
                    .noneMatch(f -> f.startsWith("gvbm_") || f.endsWith("(unsigned)"));
        }
    }

    /** The subjects (elements with a code) of a packaged document refer to the signed sheets in the package. */
    private static void assertSubjectsReferToSignedSheets(Map<String, byte[]> entries, String pdf,
            Map<String, List<String>> teachers) throws Exception {
        Map<String, String> sheets = new HashMap<>();
        entries.keySet().stream().filter(n -> n.startsWith("pdf/KQ-"))
                .forEach(n -> sheets.put(subjectOf(n.substring(4)), n.substring(4, n.length() - 4)));
        String id = pdf.substring(4, pdf.length() - 4);
        String printed = text(entries.get(pdf)).replaceAll("\\s+", "");
        NodeList subjects = xml(entries.get("xml/" + id + ".xml")).getElementsByTagNameNS("*", "subject");
        List<Element> rows = new ArrayList<>();
        for (int i = 0; i < subjects.getLength(); i++) {
            if (((Element) subjects.item(i)).hasAttribute("code")) { // not a corrected subject's name
                rows.add((Element) subjects.item(i));
            }
        }
        assertThat(rows).as(id).hasSize(teachers.size());
        for (Element row : rows) {
            String code = row.getAttribute("code");
            Element sheet = (Element) row.getElementsByTagNameNS("*", "signedSheet").item(0);
            assertThat(sheet).as(id + " " + code).isNotNull();
            String label = sheets.get(code);
            assertThat(sheet.getAttribute("versionLabel")).isEqualTo(label);
            assertThat(sheet.getAttribute("sha256")).as(id + " " + code)
                    .isEqualTo(Sha256.hex(entries.get("pdf/" + label + ".pdf")));
            List<String> signers = new ArrayList<>();
            NodeList by = sheet.getElementsByTagNameNS("*", "signedBy");
            for (int j = 0; j < by.getLength(); j++) {
                signers.add(by.item(j).getTextContent());
            }
            assertThat(signers).as(id + " " + code).isEqualTo(teachers.get(code));
            assertThat(printed).as(id + " " + code).contains(
                    (String.join(", ", signers) + "đãkýbảngkếtquả" + label).replaceAll("\\s+", ""),
                    sheet.getAttribute("sha256").substring(0, 16));
        }
    }

    /** Subject code → its teachers' names in this class, in column order (the sheet's signers). */
    public static Map<String, List<String>> teachersBySubject(SchoolDirectory directory, ClassId classId) {
        Map<String, List<String>> teachers = new LinkedHashMap<>();
        for (TeachingAssignment a : directory.teachingAssignmentsOfClass(classId)) {
            List<String> names = teachers.computeIfAbsent(a.subject().code(), k -> new ArrayList<>());
            if (!names.contains(a.teacher().fullName())) {
                names.add(a.teacher().fullName());
            }
        }
        return teachers;
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

    /** {@code KQ-DEMO01-2025-2026-6A1-CN-LS_DL-v1} → {@code LS_DL}. */
    private static String subjectOf(String sheetId) {
        return sheetId.replaceFirst("\\.pdf$", "").replaceFirst("^KQ-.*-CN-", "").replaceFirst("-v\\d+$", "");
    }

    private static String text(byte[] pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static org.w3c.dom.Document xml(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }
}
