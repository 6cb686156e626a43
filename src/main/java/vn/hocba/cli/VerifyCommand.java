package vn.hocba.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;
import vn.hocba.hocbaso.RecordReport;
import vn.hocba.hocbaso.SealedRecords;
import vn.hocba.pades.AssociatedFileUpdate;
import vn.hocba.pades.verify.SignatureVerifier;
import vn.hocba.pades.verify.VerificationReport;
import vn.hocba.pades.verify.Verdict;

/**
 * {@code verify FILE.pdf [--json] [--trust root.pem]...}: checks a signed transcript with the EU
 * DSS validator, offline. Trust anchors: the {@code --trust} files, else the PEM files of
 * {@code signing-config/trust-anchors/} and the development PKI's {@code root.pem} under the data
 * directory ({@code HOCBA_DATA_DIR}, default {@code ./data}). Exit status 0 when valid, 1 otherwise.
 */
public final class VerifyCommand implements Subcommand {

    @Override
    public String name() {
        return "verify";
    }

    @Override
    public String usage() {
        return "verify FILE.pdf|FILE.hocbaso.xml [--json] [--trust root.pem]  kiểm tra chữ ký số của một học bạ (PDF: EU DSS;"
                + " học bạ số: từng ô ký XMLDSig/XAdES-T), ngoại tuyến";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        logWarningsToStandardError();
        Path file = null;
        boolean json = false;
        List<Path> trust = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--json")) {
                json = true;
            } else if (arg.equals("--trust") && i + 1 < args.size()) {
                trust.add(Path.of(args.get(++i)));
            } else if (!arg.startsWith("--") && file == null) {
                file = Path.of(arg);
            } else {
                err.println("Tham số không hợp lệ: " + arg + ". Cách dùng: java -jar hocba.jar " + usage());
                return 2;
            }
        }
        if (file == null) {
            err.println("Thiếu tệp PDF cần kiểm tra. Cách dùng: java -jar hocba.jar " + usage());
            return 2;
        }
        try {
            List<X509Certificate> anchors = anchors(trust.isEmpty() ? defaultAnchorFiles() : trust);
            if (anchors.isEmpty()) {
                err.println("Chưa có chứng thư gốc tin cậy nào: hãy chỉ ra bằng --trust root.pem "
                        + "hoặc đặt tệp .pem vào signing-config/trust-anchors/.");
                return 2;
            }
            if (file.getFileName().toString().endsWith(".hocbaso.xml")) {
                RecordReport record = RecordReport.of(Files.readAllBytes(file), anchors);
                out.println(record.toText());
                return record.valid() ? 0 : 1;
            }
            byte[] pdf = Files.readAllBytes(file);
            VerificationReport report = verifyKeepingStandardOutputClean(anchors, file);
            out.println(json ? report.toJson() : report.toText());
            boolean recordsValid = true;
            if (!json) {
                recordsValid = reportEmbeddedRecords(pdf, anchors, out);
            }
            return report.verdict() == Verdict.VALID && recordsValid ? 0 : 1;
        } catch (IOException | CertificateException e) {
            err.println("Không đọc được tệp: " + e.getMessage());
            return 1;
        }
    }

    /**
     * The học bạ số records a transcript embeds (issue 17): the one embedded when it was generated (subject
     * teachers' slots) and the one the seal step added, signed in every slot; each slot's signer, validity and
     * coverage. False when a signed slot is not valid, or the fully signed record is not valid as a whole.
     */
    private static boolean reportEmbeddedRecords(byte[] pdf, List<X509Certificate> anchors, PrintStream out) {
        boolean valid = true;
        for (var file : AssociatedFileUpdate.all(pdf).entrySet()) {
            boolean full = SealedRecords.isFullySignedName(file.getKey());
            if (!full && !file.getKey().endsWith(".hocbaso.xml")) {
                continue;
            }
            RecordReport record = RecordReport.of(file.getValue(), anchors);
            out.println("Tệp nhúng " + file.getKey() + " (" + (full ? "học bạ số đã ký đủ, thêm khi đóng dấu"
                    : "học bạ số lúc lập học bạ") + ", ký " + record.signedCount() + " ô):");
            out.println(record.toText());
            valid &= full ? record.valid() : record.signedSlotsValid();
        }
        return valid;
    }

    /**
     * Libraries print to {@code System.out} (spring-jcl's notice about commons-logging on the
     * classpath): while validating, {@code System.out} points at standard error so that only the
     * report reaches standard output ({@code out} was taken before).
     */
    private static VerificationReport verifyKeepingStandardOutputClean(List<X509Certificate> anchors, Path file)
            throws IOException {
        PrintStream standardOutput = System.out;
        System.setOut(System.err);
        try {
            return new SignatureVerifier(anchors).verify(Files.readAllBytes(file), file.getFileName().toString());
        } finally {
            System.setOut(standardOutput);
        }
    }

    /**
     * Without Spring, logback's default writes every INFO line of the DSS validator to standard
     * output, which would corrupt {@code --json}: warnings only, and on standard error.
     */
    private static void logWarningsToStandardError() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %logger{20} - %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.addAppender(appender);
        root.setLevel(Level.WARN);
        // Empty signature boxes (subjects not signed on a transcript) are normal, not worth a warning each.
        context.getLogger("eu.europa.esig.dss.pdf.pdfbox.PdfBoxDocumentReader").setLevel(Level.ERROR);
    }

    private static List<Path> defaultAnchorFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        Path folder = Path.of("signing-config", "trust-anchors");
        if (Files.isDirectory(folder)) {
            try (Stream<Path> pems = Files.list(folder)) {
                pems.filter(p -> p.toString().endsWith(".pem")).sorted().forEach(files::add);
            }
        }
        String dataDir = System.getenv().getOrDefault("HOCBA_DATA_DIR", "./data");
        Path devRoot = Path.of(dataDir, "pki", "root.pem");
        if (Files.exists(devRoot)) {
            files.add(devRoot);
        }
        return files;
    }

    private static List<X509Certificate> anchors(List<Path> files) throws IOException, CertificateException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> result = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                factory.generateCertificates(in).forEach(c -> result.add((X509Certificate) c));
            }
        }
        return result;
    }
}
