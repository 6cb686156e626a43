package vn.hocba.documents.sample;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import vn.hocba.documents.MarkRow;

/**
 * Deterministic marks for one student in one subject, with TT22 averages computed exactly
 * (Art. 9.1: ĐTBmhk = (ΣĐĐGtx + 2·ĐĐGgk + 3·ĐĐGck) / (n + 5), ĐTBmcn = (HK I + 2·HK II) / 3,
 * each rounded to one decimal half-up).
 */
final class SampleMarks {

    static final String PASS = "Đ";
    static final String FAIL = "CĐ";

    private SampleMarks() {
    }

    /** Year average (scored) or year result (comment) plus the printable row. */
    record Result(MarkRow row, BigDecimal hk1, BigDecimal hk2, BigDecimal year, boolean passed1, boolean passed2) {
    }

    static Result scored(String student, SampleSubject subject, double ability, Random random) {
        List<BigDecimal> r1 = regular(subject.regularCount(), ability, random);
        List<BigDecimal> r2 = regular(subject.regularCount(), ability, random);
        BigDecimal mid1 = periodic(ability, random);
        BigDecimal end1 = periodic(ability, random);
        BigDecimal mid2 = periodic(ability, random);
        BigDecimal end2 = periodic(ability, random);
        BigDecimal hk1 = termAverage(r1, mid1, end1);
        BigDecimal hk2 = termAverage(r2, mid2, end2);
        BigDecimal year = hk1.add(hk2.multiply(BigDecimal.valueOf(2))).divide(BigDecimal.valueOf(3), 1, RoundingMode.HALF_UP);
        MarkRow row = new MarkRow(student, format(r1), decimal(mid1), decimal(end1), decimal(hk1),
                format(r2), decimal(mid2), decimal(end2), decimal(hk2), decimal(year), "");
        return new Result(row, hk1, hk2, year, true, true);
    }

    static Result comment(String student, boolean failTermOne) {
        List<String> r1 = List.of(PASS, failTermOne ? FAIL : PASS);
        List<String> r2 = List.of(PASS, PASS);
        String hk1 = failTermOne ? FAIL : PASS;
        // TT22 Art. 9.1: the year result of a comment subject is the term II result.
        MarkRow row = new MarkRow(student, r1, PASS, PASS, hk1, r2, PASS, PASS, PASS, PASS, "");
        return new Result(row, null, null, null, !failTermOne, true);
    }

    static BigDecimal termAverage(List<BigDecimal> regular, BigDecimal mid, BigDecimal end) {
        BigDecimal sum = regular.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .add(mid.multiply(BigDecimal.valueOf(2))).add(end.multiply(BigDecimal.valueOf(3)));
        return sum.divide(BigDecimal.valueOf(regular.size() + 5L), 1, RoundingMode.HALF_UP);
    }

    /** Vietnamese decimal comma with one decimal: 8.5 → "8,5", 8 → "8,0". */
    static String decimal(BigDecimal value) {
        return value.setScale(1, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }

    private static List<BigDecimal> regular(int count, double ability, Random random) {
        List<BigDecimal> marks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            marks.add(BigDecimal.valueOf(Math.round(clamp(ability + random.nextGaussian() * 1.2))));
        }
        return marks;
    }

    private static BigDecimal periodic(double ability, Random random) {
        double mark = Math.round(clamp(ability + random.nextGaussian()) * 4) / 4.0;
        return BigDecimal.valueOf(mark).setScale(1, RoundingMode.HALF_UP);
    }

    private static double clamp(double mark) {
        return Math.max(0, Math.min(10, mark));
    }

    private static List<String> format(List<BigDecimal> marks) {
        return marks.stream().map(BigDecimal::toPlainString).toList();
    }
}
