package vn.hocba.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsCommandTest {

    private static String example;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void readExample() throws Exception {
        try (InputStream in = ResultsCommandTest.class.getResourceAsStream("/formats/examples/class-gradebook.7A1.json")) {
            example = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private int run(String... args) {
        return new ResultsCommand().run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path file(String content) throws Exception {
        return Files.writeString(dir.resolve("class.json"), content, StandardCharsets.UTF_8);
    }

    @Test
    void printsTheClassResultsAndExitsZero() throws Exception {
        assertThat(run(file(example).toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"format\" : \"hocba.class-results/1\"",
                "\"title\" : \"XUAT_SAC\"");
        assertThat(err.size()).isZero();
    }

    @Test
    void explainAddsTheVietnameseExplanations() throws Exception {
        assertThat(run("--explain", file(example).toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Ngữ văn, HK I: ĐTBmhk = (6+6+6+5+7+7 + 2×6.3 + 3×6.3)/11 = 68.5/11 = 6.2");
    }

    @Test
    void invalidInputPrintsEveryErrorOnStandardErrorAndExitsOne() throws Exception {
        String invalid = example.replaceFirst("\"final\": 6.3", "\"final\": 6.33").replace("\"TOAN\": {", "\"TOÁN\": {");
        assertThat(run(file(invalid).toString())).isEqualTo(1);
        assertThat(out.size()).as("nothing computed").isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("4 lỗi", "ĐĐGck: điểm 6.33 có 2 chữ số thập phân",
                "Học sinh HS0003 (Phạm Giang), môn TOÁN: mã môn \"TOÁN\" không có");
    }

    @Test
    void aMissingFileExitsOneAndWrongUsageExitsTwo() {
        assertThat(run(dir.resolve("none.json").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Không đọc được tệp");
        assertThat(run()).isEqualTo(2);
        assertThat(run("a.json", "b.json")).isEqualTo(2);
    }

    @Test
    void theCommandIsRegistered() {
        assertThat(CommandLine.isCommand(new String[] {"results", "x.json"})).isTrue();
    }
}
