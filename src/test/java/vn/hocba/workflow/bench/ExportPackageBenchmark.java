package vn.hocba.workflow.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.signing.ClassSigning;
import vn.hocba.signing.ExportPackageFile;

/**
 * The export of one class, repeated: the class goes through the year as in {@link SchoolYearBenchmark} up to its
 * seal and LT/LTA, then its package is built again and again on the calling thread (the package's rows and file
 * removed before each build: benchmark only), followed by what the clerk's download does (the current package looked
 * up again, checked and streamed). Thread CPU of this thread, which includes zlib's deflate (native, not in JFR's
 * execution samples). Arguments: rounds (default 12), students per class (default 40); {@code -Dhocba.bench.export-copy=<file>}
 * keeps a copy of the last package; {@code -Dhocba.bench.export-hocbaso=rebuild} removes the stored học bạ số class
 * package too, so that each build includes its first build (as the school's export stage does: its records' deflate
 * and the manifest's signature). Not a test; see bench/README.
 */
public final class ExportPackageBenchmark {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        String students = args.length > 1 ? args[1] : "40";
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean rebuildHocBaSo = "rebuild".equals(System.getProperty("hocba.bench.export-hocbaso"));
        try (BenchSchool school = BenchSchool.start("bench_export", "--hocba.demo.classes=1",
                "--hocba.demo.students-per-class=" + students)) {
            ClassYearSteps steps = school.firstClassThroughSubjectSheets();
            SchoolClass schoolClass = school.classes().get(0);
            steps.generateTranscripts();
            steps.homeroomSigns();
            steps.principalSigns();
            steps.sealAndExtend();
            ClassSigning signing = school.bean(ClassSigning.class);
            JdbcClient jdbc = school.bean(JdbcClient.class);
            ClassId classId = schoolClass.id();
            List<Double> builds = new ArrayList<>();
            List<Double> downloads = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                jdbc.sql("delete from export_package_receipt where class_id = ?").param(classId.value()).update();
                jdbc.sql("delete from export_package where class_id = ?").param(classId.value()).update();
                deleteFiles(school.dataDir().resolve("exports"), "");
                if (rebuildHocBaSo) { // the class packages only: the records beside them stay
                    deleteFiles(school.dataDir().resolve("hocbaso").resolve(String.valueOf(classId.value())), "package-");
                }
                long cpu = threads.getCurrentThreadCpuTime();
                signing.currentExportPackage(classId);
                long built = threads.getCurrentThreadCpuTime();
                ExportPackageFile file = signing.currentExportPackage(classId);
                long size;
                try (InputStream in = signing.openExportPackage(file)) {
                    size = in.transferTo(java.io.OutputStream.nullOutputStream());
                }
                long downloaded = threads.getCurrentThreadCpuTime();
                builds.add((built - cpu) / 1e6);
                downloads.add((downloaded - built) / 1e6);
                System.out.printf("round %d: build %.1f ms CPU, download %.1f ms CPU (%d bytes)%n", round,
                        (built - cpu) / 1e6, (downloaded - built) / 1e6, size);
            }
            System.out.printf("median of rounds 3..%d: build %.1f ms CPU, download %.1f ms CPU%n", rounds,
                    median(builds.subList(2, rounds)), median(downloads.subList(2, rounds)));
            printContents(signing, signing.currentExportPackage(classId));
            String copy = System.getProperty("hocba.bench.export-copy");
            if (copy != null) { // the last package kept, to study its entries (compression levels) outside the school
                try (InputStream in = signing.openExportPackage(signing.currentExportPackage(classId))) {
                    Files.copy(in, java.nio.file.Path.of(copy), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteFiles(java.nio.file.Path folder, String namePrefix) throws java.io.IOException {
        try (var files = Files.walk(folder)) {
            for (var f : files.sorted(Comparator.reverseOrder()).filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().startsWith(namePrefix)).toList()) {
                Files.delete(f);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // the first round: nothing exported yet
        }
    }

    /** The package's size and what its signed PDFs weigh uncompressed (each signature's reserved /Contents in them). */
    private static void printContents(ClassSigning signing, ExportPackageFile file) throws java.io.IOException {
        long packageBytes = 0;
        long pdfBytes = 0;
        int pdfs = 0;
        long[] contents = new long[3]; // signatures, hex digits reserved, hex digits of the CMS in them
        try (var in = new java.util.zip.ZipInputStream(signing.openExportPackage(file))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().endsWith(".pdf")) {
                    pdfs++;
                    pdfBytes += bytes.length;
                    countContents(bytes, contents);
                }
            }
        }
        try (InputStream in = signing.openExportPackage(file)) {
            packageBytes = in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        System.out.printf("package %,d bytes; its %d signed PDFs %,d bytes uncompressed%n", packageBytes, pdfs, pdfBytes);
        System.out.printf("in them %,d signatures and document time-stamps: /Contents %,d bytes of hex, of which the CMS"
                + " %,d and unused zeros %,d%n", contents[0], contents[1], contents[2], contents[1] - contents[2]);
    }

    private static void countContents(byte[] pdf, long[] contents) throws java.io.IOException {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            for (var signature : document.getSignatureDictionaries()) {
                int[] range = signature.getByteRange();
                try (var der = new org.bouncycastle.asn1.ASN1InputStream(signature.getContents(pdf))) {
                    contents[0]++;
                    contents[1] += range[2] - range[1] - 2;
                    contents[2] += 2L * der.readObject().getEncoded().length;
                }
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
