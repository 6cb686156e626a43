package vn.hocba.documents.sample;

import java.math.BigDecimal;
import java.util.List;

/**
 * Just enough of TT22 to give the sample data consistent levels: learning Art. 9.2 (without the
 * Art. 9.3 adjustment) and conduct year level Art. 8. The real rules live in the grading module.
 */
final class SampleLevels {

    static final String TOT = "Tốt";
    static final String KHA = "Khá";
    static final String DAT = "Đạt";
    static final String CHUA_DAT = "Chưa đạt";
    private static final List<String> ORDER = List.of(CHUA_DAT, DAT, KHA, TOT);

    private SampleLevels() {
    }

    static String learning(List<BigDecimal> scored, int commentFails) {
        if (commentFails == 0 && all(scored, "6.5") && count(scored, "8.0") >= 6) {
            return TOT;
        }
        if (commentFails == 0 && all(scored, "5.0") && count(scored, "6.5") >= 6) {
            return KHA;
        }
        if (commentFails <= 1 && count(scored, "5.0") >= 6 && all(scored, "3.5")) {
            return DAT;
        }
        return CHUA_DAT;
    }

    static String conductYear(String hk1, String hk2) {
        int one = ORDER.indexOf(hk1);
        int two = ORDER.indexOf(hk2);
        if (two == 3) {
            return one >= 2 ? TOT : KHA;
        }
        if (two == 2) {
            return one >= 1 ? KHA : DAT;
        }
        if (two == 1) {
            return one == 3 ? KHA : DAT;
        }
        return CHUA_DAT;
    }

    static boolean atLeast(String level, String floor) {
        return ORDER.indexOf(level) >= ORDER.indexOf(floor);
    }

    private static boolean all(List<BigDecimal> values, String floor) {
        return values.stream().allMatch(v -> v.compareTo(new BigDecimal(floor)) >= 0);
    }

    private static long count(List<BigDecimal> values, String floor) {
        return values.stream().filter(v -> v.compareTo(new BigDecimal(floor)) >= 0).count();
    }
}
