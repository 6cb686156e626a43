package vn.hocba.grading.json;

import java.util.List;

/**
 * Where in a gradebook document a value is: a Vietnamese label naming student, subject, term and
 * field, plus the JSON path. Collects the problems found there. Label and path are only built
 * when a problem is reported, so valid documents cost no string building.
 */
final class Place {

    private final Place parent;
    private final String pathPart;
    private final String labelPart;
    private final boolean replacesLabel;
    private final List<String> problems;

    private Place(Place parent, String pathPart, String labelPart, boolean replacesLabel, List<String> problems) {
        this.parent = parent;
        this.pathPart = pathPart;
        this.labelPart = labelPart;
        this.replacesLabel = replacesLabel;
        this.problems = problems;
    }

    static Place root(List<String> problems) {
        return new Place(null, "", "", true, problems);
    }

    /** A field below this place; {@code label} is how a user would name it (may be empty). */
    Place field(String name, String label) {
        return new Place(this, "." + name, label, false, problems);
    }

    /** An array element below this place. */
    Place element(int index, String label) {
        return new Place(this, "[" + index + "]", label, false, problems);
    }

    /** Same place, with a better label (e.g. once the student's code is known). */
    Place relabel(String newLabel) {
        return new Place(this, "", newLabel, true, problems);
    }

    void problem(String what) {
        String label = label();
        String path = path();
        problems.add((label.isEmpty() ? "" : label + ": ") + what + " (" + (path.isEmpty() ? "tài liệu" : path) + ")");
    }

    String label() {
        if (replacesLabel || parent == null) {
            return labelPart;
        }
        String above = parent.label();
        if (labelPart == null || labelPart.isEmpty()) {
            return above;
        }
        return above.isEmpty() ? labelPart : above + ", " + labelPart;
    }

    private String path() {
        String above = parent == null ? "" : parent.path();
        String path = above + pathPart;
        return path.startsWith(".") ? path.substring(1) : path;
    }
}
