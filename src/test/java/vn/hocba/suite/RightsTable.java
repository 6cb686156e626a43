package vn.hocba.suite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A table of expected rights kept in the test sources ({@code src/test/resources/suite/*.txt}): one line per
 * operation or page, {@code METHOD /path/{var} = who}, where who is a list of personas and of groups defined in
 * the file ({@code group NAME = personas…}); {@code everyone} and {@code nobody} are built in.
 */
final class RightsTable {

    private final Map<String, Set<String>> rows = new LinkedHashMap<>();
    private final Map<String, Set<String>> groups = new HashMap<>();

    RightsTable(String resource) {
        groups.put("everyone", new LinkedHashSet<>(SuiteSchool.PERSONAS));
        groups.put("nobody", Set.of());
        try (InputStream in = RightsTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No table " + resource);
            }
            for (String raw : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String line = raw.replaceAll("#.*", "").trim();
                if (line.isEmpty()) {
                    continue;
                }
                int eq = line.indexOf(" = ");
                if (eq < 0) {
                    throw new IllegalStateException("Line without ' = ' in " + resource + ": " + raw);
                }
                String left = line.substring(0, eq).trim();
                Set<String> who = personas(line.substring(eq + 3).trim(), resource);
                if (left.startsWith("group ")) {
                    groups.put(left.substring(6).trim(), who);
                } else if (rows.put(left, who) != null) {
                    throw new IllegalStateException("Two rows for " + left + " in " + resource);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Set<String> personas(String list, String resource) {
        Set<String> result = new LinkedHashSet<>();
        for (String word : list.split("[\\s,]+")) {
            if (groups.containsKey(word)) {
                result.addAll(groups.get(word));
            } else if (word.startsWith("-") && SuiteSchool.PERSONAS.contains(word.substring(1))) {
                result.remove(word.substring(1));
            } else if (SuiteSchool.PERSONAS.contains(word)) {
                result.add(word);
            } else {
                throw new IllegalStateException("Unknown persona or group '" + word + "' in " + resource);
            }
        }
        return result;
    }

    boolean has(String key) {
        return rows.containsKey(key);
    }

    boolean allows(String key, String persona) {
        return rows.get(key).contains(persona);
    }

    Set<String> keys() {
        return rows.keySet();
    }

    /** A row for the table, naming the personas observed to get in (for a new operation's author to check). */
    static String suggestion(String key, List<String> allowed) {
        return key + " = " + (allowed.isEmpty() ? "nobody" : String.join(" ", allowed));
    }
}
