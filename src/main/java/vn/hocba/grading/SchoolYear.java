package vn.hocba.grading;

/**
 * A school year such as 2024-2025, identified by the calendar year in which it starts.
 *
 * @param startYear the first calendar year, e.g. 2024 for 2024-2025
 */
public record SchoolYear(int startYear) implements Comparable<SchoolYear> {

    /** Parses {@code "2024-2025"}; the second year must follow the first. */
    public static SchoolYear parse(String text) {
        if (text == null || !text.matches("[0-9]{4}-[0-9]{4}")) {
            throw new IllegalArgumentException("Not a school year (YYYY-YYYY): " + text);
        }
        int start = Integer.parseInt(text.substring(0, 4));
        if (Integer.parseInt(text.substring(5)) != start + 1) {
            throw new IllegalArgumentException("The second year must follow the first: " + text);
        }
        return new SchoolYear(start);
    }

    @Override
    public int compareTo(SchoolYear other) {
        return Integer.compare(startYear, other.startYear);
    }

    @Override
    public String toString() {
        return startYear + "-" + (startYear + 1);
    }
}
