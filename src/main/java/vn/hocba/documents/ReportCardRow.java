package vn.hocba.documents;

/** One subject line of a report card; {@code regularMarks} is already joined, e.g. "8; 9; 7". */
public record ReportCardRow(String subjectName, String regularMarks, String midTerm, String endOfTerm,
        String average) {
}
