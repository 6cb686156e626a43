package vn.hocba.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.hocba.grading.ClassResults;
import vn.hocba.grading.MarkPolicy;
import vn.hocba.grading.RuleSets;
import vn.hocba.grading.UnsupportedRuleSetException;
import vn.hocba.grading.json.GradebookJson;
import vn.hocba.grading.json.InvalidGradebookException;
import vn.hocba.grading.json.ResultsJson;

/**
 * {@code results FILE}: reads a {@code hocba.class-gradebook/1} document and prints its
 * {@code hocba.class-results/1} to standard output. No Spring, no database.
 */
public final class ResultsCommand implements Subcommand {

    @Override
    public String name() {
        return "results";
    }

    @Override
    public String usage() {
        return "results [--explain] [--whole-regular-marks] FILE   tính kết quả TT22 của một sổ điểm lớp (JSON)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> files = new ArrayList<>();
        boolean explain = false;
        MarkPolicy policy = MarkPolicy.TT22;
        for (String arg : args) {
            switch (arg) {
                case "--explain" -> explain = true;
                case "--whole-regular-marks" -> policy = MarkPolicy.WHOLE_REGULAR_MARKS;
                default -> files.add(arg);
            }
        }
        if (files.size() != 1 || files.get(0).startsWith("--")) {
            err.println("Cách dùng: java -jar hocba.jar " + usage());
            return 2;
        }
        return compute(Path.of(files.get(0)), policy, explain, out, err);
    }

    private static int compute(Path file, MarkPolicy policy, boolean explain, PrintStream out, PrintStream err) {
        try {
            String json = Files.readString(file, StandardCharsets.UTF_8);
            ClassResults results = RuleSets.standard().compute(new GradebookJson(policy).read(json));
            out.println(new ResultsJson(explain).write(results));
            return 0;
        } catch (InvalidGradebookException e) {
            err.println("Sổ điểm " + file + " không hợp lệ (" + e.errors().size() + " lỗi), chưa tính kết quả nào:");
            e.errors().forEach(message -> err.println("- " + message));
            return 1;
        } catch (UnsupportedRuleSetException e) {
            err.println(e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("Không đọc được tệp " + file + ": " + e.getMessage());
            return 1;
        }
    }
}
