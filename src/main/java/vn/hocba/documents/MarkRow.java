package vn.hocba.documents;

import java.util.List;

/**
 * One student's marks in one subject: regular marks (ĐĐGtx), mid-term (ĐĐGgk), end-of-term
 * (ĐĐGck) and term average (ĐTBmhk) for each term, then the year result (ĐTBmcn) and the
 * reassessment result. All values formatted ("8,5", "Đ", "").
 */
public record MarkRow(String studentName,
        List<String> hk1Regular, String hk1Mid, String hk1End, String hk1Result,
        List<String> hk2Regular, String hk2Mid, String hk2End, String hk2Result,
        String yearResult, String reassessment) {

    public MarkRow {
        hk1Regular = List.copyOf(hk1Regular);
        hk2Regular = List.copyOf(hk2Regular);
    }

    /** The i-th regular mark of term I, "" beyond the last one (for fixed-width tables). */
    public String hk1RegularAt(int i) {
        return i < hk1Regular.size() ? hk1Regular.get(i) : "";
    }

    /** The i-th regular mark of term II, "" beyond the last one. */
    public String hk2RegularAt(int i) {
        return i < hk2Regular.size() ? hk2Regular.get(i) : "";
    }
}
