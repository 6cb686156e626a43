package vn.hocba.gradebook;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import vn.hocba.grading.Mark;

/**
 * Where the regular marks of an imported document go. The interchange format lists a student's
 * regular marks in column order without column numbers (an empty column in between is simply not
 * there), so the i-th mark goes to the i-th column that holds a mark now, further marks to the next
 * free columns, and columns beyond the document's count are cleared (null). Exporting and
 * importing a gradebook therefore changes nothing.
 */
public final class RegularColumns {

    private RegularColumns() {
    }

    /** Column → mark (null to clear) for {@code marks} against the student's {@code stored} cells. */
    public static Map<Integer, Mark> place(List<Mark> marks, List<MarkCell> stored) {
        TreeSet<Integer> occupied = new TreeSet<>();
        stored.stream().filter(c -> c.kind() == MarkKind.REGULAR).forEach(c -> occupied.add(c.column()));
        Map<Integer, Mark> placed = new TreeMap<>();
        int next = occupied.isEmpty() ? 1 : occupied.last() + 1;
        int i = 0;
        for (int column : occupied) {
            placed.put(column, i < marks.size() ? marks.get(i) : null);
            i++;
        }
        for (; i < marks.size(); i++) {
            placed.put(next++, marks.get(i));
        }
        return placed;
    }
}
