package vn.hocba.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplesCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void writesOnePdfOfEveryDocumentTypeWithoutServerOrDatabase() throws Exception {
        int status = CommandLine.run(new String[] {"samples", "--out", dir.toString(), "--verify-url", "https://truong.example/xac-minh"}, null);

        assertThat(status).isZero();
        for (String name : List.of("transcript", "class-gradebook", "subject-result-sheet", "report-card", "correction-record")) {
            Path pdf = dir.resolve(name + ".pdf");
            try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
                assertThat(document.getNumberOfPages()).as(name).isPositive();
            }
        }
        assertThat(Files.readAllBytes(dir.resolve("transcript.pdf"))).isNotEmpty();
    }

    @Test
    void withoutAnOutputFolderItExplainsTheUsageInVietnamese() {
        int status = new SamplesCommand().run(List.of(), print(out), print(err));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Thiếu thư mục đích", "--out");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
