package vn.hocba.grading.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.hocba.grading.RuleSets;

class ExampleClassResultsTest {

    static String resource(String name) throws IOException {
        try (InputStream in = ExampleClassResultsTest.class.getResourceAsStream("/formats/examples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void thePublishedExampleGradebookGivesExactlyThePublishedResults() throws Exception {
        String written = new ResultsJson(false).write(
                RuleSets.standard().compute(new GradebookJson().read(resource("class-gradebook.7A1.json"))));
        JsonNode actual = GradebookJson.parse(written);
        JsonNode expected = GradebookJson.parse(resource("class-results.7A1.json"));
        List<String> differences = new ArrayList<>();
        compare(expected, actual, "", differences);
        assertThat(differences).isEmpty();
        assertThat(actual.get("ruleSet").asText()).isEqualTo("TT22");
    }

    @Test
    void numbersAreWrittenWithOneDecimal() throws Exception {
        String written = new ResultsJson(false).write(
                RuleSets.standard().compute(new GradebookJson().read(resource("class-gradebook.7A1.json"))));
        assertThat(written).contains("\"CN\" : 7.0").doesNotContainPattern("\"(HK1|HK2|CN)\" : [0-9]+[,\\n]");
    }

    /** Expected fields must match exactly (numbers by value and with one decimal); only known extras. */
    static void compare(JsonNode expected, JsonNode actual, String path, List<String> differences) {
        if (expected.isObject() && actual.isObject()) {
            for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                compare(expected.get(name), actual.has(name) ? actual.get(name) : null, path + "." + name, differences);
            }
            for (Iterator<String> it = actual.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!expected.has(name) && !Set.of("ruleSet").contains(name)) {
                    differences.add("unexpected field " + path + "." + name);
                }
            }
        } else if (expected.isArray() && actual != null && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                compare(expected.get(i), actual.get(i), path + "[" + i + "]", differences);
            }
        } else if (expected.isFloatingPointNumber() && actual != null && actual.isNumber()) {
            if (expected.decimalValue().compareTo(actual.decimalValue()) != 0 || actual.decimalValue().scale() != 1) {
                differences.add(path + ": expected " + expected + " but was " + actual);
            }
        } else if (!expected.equals(actual)) {
            differences.add(path + ": expected " + expected + " but was " + actual);
        }
    }
}
