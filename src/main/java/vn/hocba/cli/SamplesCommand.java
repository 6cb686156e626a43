package vn.hocba.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import vn.hocba.documents.DocumentData;
import vn.hocba.documents.DocumentRenderer;
import vn.hocba.documents.RenderSettings;
import vn.hocba.documents.RenderedDocument;
import vn.hocba.documents.SubjectResultSheetData;
import vn.hocba.documents.TranscriptData;
import vn.hocba.documents.sample.SampleDocuments;

/**
 * {@code samples --out DIR}: writes one PDF/A-3b document of every type for the demo student and
 * class of THCS Mẫu into DIR, without a server or database. With {@code --templates DIR} the
 * templates are read from that folder, so a template edit can be previewed without a rebuild.
 */
public final class SamplesCommand implements Subcommand {

    @Override
    public String name() {
        return "samples";
    }

    @Override
    public String usage() {
        return "samples --out DIR [--verify-url URL] [--templates DIR] [--unsigned]  write every document type for a demo"
                + " student and class, and the signed transcript and subject sheet (fresh development PKI, DIR/trust-root.pem)";
    }

    private static Optional<String> option(List<String> args, String name) {
        int index = args.indexOf(name);
        return index >= 0 && index + 1 < args.size() ? Optional.of(args.get(index + 1)) : Optional.empty();
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        int outIndex = args.indexOf("--out");
        if (outIndex < 0 || outIndex + 1 >= args.size()) {
            err.println("Thiếu thư mục đích: dùng  samples --out THƯ_MỤC");
            return 2;
        }
        Path dir = Path.of(args.get(outIndex + 1));
        String url = option(args, "--verify-url").orElse(RenderSettings.DEFAULT_VERIFICATION_BASE_URL);
        Optional<Path> templates = option(args, "--templates").map(Path::of);
        if (templates.isPresent() && !Files.isRegularFile(templates.get().resolve("transcript.xhtml"))) {
            err.println("Thư mục mẫu " + templates.get() + " không có transcript.xhtml: hãy trỏ --templates tới thư mục templates/ của dự án");
            return 2;
        }
        try {
            Files.createDirectories(dir);
            DocumentRenderer renderer = new DocumentRenderer(new RenderSettings(url, templates));
            SampleDocuments samples = SampleDocuments.create();
            for (DocumentData data : samples.oneOfEach()) {
                write(renderer, data, dir.resolve(data.kind().templateName() + ".pdf"), out);
            }
            // The year's report card of the student who was retested: results, retest and promotion.
            write(renderer, samples.yearReportCard(SampleDocuments.RETESTED_STUDENT), dir.resolve("report-card-year.pdf"), out);
            if (!args.contains("--unsigned")) {
                TranscriptData transcript = samples.transcript(0);
                SubjectResultSheetData sheet = samples.subjectResultSheet(1);
                SignedSamples.write(dir, transcript, Files.readAllBytes(dir.resolve(transcript.kind().templateName() + ".pdf")),
                        sheet, Files.readAllBytes(dir.resolve(sheet.kind().templateName() + ".pdf")), out,
                        List.of(transcript, samples.transcript(1), samples.transcript(2)));
            }
            return 0;
        } catch (IOException e) {
            err.println("Không ghi được tài liệu mẫu vào " + dir + ": " + e.getMessage());
            return 1;
        }
    }

    private static void write(DocumentRenderer renderer, DocumentData data, Path file, PrintStream out) throws IOException {
        try (OutputStream pdf = Files.newOutputStream(file)) {
            RenderedDocument rendered = renderer.render(data, pdf);
            out.printf("%s  %d trang  %s  sha256(dữ liệu)=%s%n", file, rendered.pages(), rendered.versionLabel(),
                    rendered.dataSha256());
        }
    }
}
