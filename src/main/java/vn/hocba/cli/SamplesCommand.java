package vn.hocba.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import vn.hocba.documents.DocumentData;
import vn.hocba.documents.DocumentRenderer;
import vn.hocba.documents.RenderSettings;
import vn.hocba.documents.RenderedDocument;
import vn.hocba.documents.sample.SampleDocuments;

/**
 * {@code samples --out DIR}: writes one PDF/A-3b document of every type for the demo student and
 * class of THCS Mẫu into DIR, without a server or database.
 */
public final class SamplesCommand implements Subcommand {

    @Override
    public String name() {
        return "samples";
    }

    @Override
    public String usage() {
        return "samples --out DIR [--verify-url URL]  write every document type for a demo student and class";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        int outIndex = args.indexOf("--out");
        if (outIndex < 0 || outIndex + 1 >= args.size()) {
            err.println("Thiếu thư mục đích: dùng  samples --out THƯ_MỤC");
            return 2;
        }
        Path dir = Path.of(args.get(outIndex + 1));
        int urlIndex = args.indexOf("--verify-url");
        String url = urlIndex >= 0 && urlIndex + 1 < args.size() ? args.get(urlIndex + 1)
                : RenderSettings.DEFAULT_VERIFICATION_BASE_URL;
        try {
            Files.createDirectories(dir);
            DocumentRenderer renderer = new DocumentRenderer(new RenderSettings(url, java.util.Optional.empty()));
            for (DocumentData data : SampleDocuments.create().oneOfEach()) {
                Path file = dir.resolve(data.kind().templateName() + ".pdf");
                try (OutputStream pdf = Files.newOutputStream(file)) {
                    RenderedDocument rendered = renderer.render(data, pdf);
                    out.printf("%s  %d trang  %s  sha256(dữ liệu)=%s%n", file, rendered.pages(),
                            rendered.versionLabel(), rendered.dataSha256());
                }
            }
            return 0;
        } catch (IOException e) {
            err.println("Không ghi được tài liệu mẫu vào " + dir + ": " + e.getMessage());
            return 1;
        }
    }
}
