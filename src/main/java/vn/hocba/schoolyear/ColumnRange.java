package vn.hocba.schoolyear;

import vn.hocba.common.Rejected;

/**
 * Regular-assessment columns entered by one co-teacher of an integrated subject (seed 000:
 * Lịch sử và Địa lí, history in columns 1-2 and geography in 3-4). {@link #WHOLE} = all columns.
 */
public record ColumnRange(Integer first, Integer last) {

    public static final ColumnRange WHOLE = new ColumnRange(null, null);

    public ColumnRange {
        if ((first == null) != (last == null)) {
            throw Rejected.invalid("Phải ghi cả cột đầu và cột cuối của phần được phân công (hoặc bỏ trống cả hai).");
        }
        if (first != null && (first < 1 || last < first)) {
            throw Rejected.invalid("Khoảng cột " + first + "–" + last + " không hợp lệ: cột đầu ≥ 1 và cột cuối ≥ cột đầu.");
        }
    }

    public boolean isWhole() {
        return first == null;
    }

    public boolean overlaps(ColumnRange other) {
        return isWhole() || other.isWhole() || (first <= other.last && other.first <= last);
    }

    public boolean contains(int column) {
        return isWhole() || (column >= first && column <= last);
    }

    @Override
    public String toString() {
        // One column is "cột 2", not "cột 2–2" (Nghệ thuật: music column 1, fine arts column 2).
        return isWhole() ? "tất cả các cột" : first.equals(last) ? "cột " + first : "cột " + first + "–" + last;
    }
}
