package vn.hocba.grading.json;

import java.util.ArrayList;
import java.util.List;

/**
 * Where in a gradebook document a value is: a Vietnamese label naming student, subject, term and
 * field, plus the JSON path. Collects the problems found there.
 */
final class Place {

    private final String label;
    private final String path;
    private final List<String> problems;

    private Place(String label, String path, List<String> problems) {
        this.label = label;
        this.path = path;
        this.problems = problems;
    }

    static Place root(List<String> problems) {
        return new Place("", "", problems);
    }

    /** A field below this place; {@code label} is how a user would name it (may be empty). */
    Place field(String name, String label) {
        return new Place(join(label), path.isEmpty() ? name : path + "." + name, problems);
    }

    /** An array element below this place. */
    Place element(int index, String label) {
        return new Place(join(label), path + "[" + index + "]", problems);
    }

    /** Same place, with a better label (e.g. once the student's code is known). */
    Place relabel(String newLabel) {
        return new Place(newLabel, path, problems);
    }

    void problem(String what) {
        String where = label.isEmpty() ? "" : label + ": ";
        problems.add(where + what + " (" + (path.isEmpty() ? "tài liệu" : path) + ")");
    }

    String label() {
        return label;
    }

    private String join(String more) {
        if (more == null || more.isEmpty()) {
            return label;
        }
        return label.isEmpty() ? more : label + ", " + more;
    }
}
