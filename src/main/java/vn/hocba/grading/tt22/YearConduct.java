package vn.hocba.grading.tt22;

import vn.hocba.grading.Level;

/** Year conduct level from the two term ratings (TT22 Art. 8), written as the regulation's table. */
final class YearConduct {

    private YearConduct() {
    }

    /** TT22 Art. 8: year conduct from (HK I, HK II). */
    static Level of(Level hk1, Level hk2) {
        if (tot(hk1, hk2)) {
            return Level.T;
        }
        if (kha(hk1, hk2)) {
            return Level.K;
        }
        return dat(hk1, hk2) ? Level.D : Level.CD;
    }

    // Tốt: HK II Tốt and HK I at least Khá.
    private static boolean tot(Level hk1, Level hk2) {
        return hk2 == Level.T && hk1.isAtLeast(Level.K);
    }

    // Khá: HK II Khá and HK I at least Đạt; or HK II Đạt and HK I Tốt; or HK II Tốt and HK I at
    // most Đạt.
    private static boolean kha(Level hk1, Level hk2) {
        return (hk2 == Level.K && hk1.isAtLeast(Level.D))
                || (hk2 == Level.D && hk1 == Level.T)
                || (hk2 == Level.T && !hk1.isAtLeast(Level.K));
    }

    // Đạt: HK II Đạt and HK I Khá, Đạt or Chưa đạt; or HK II Khá and HK I Chưa đạt.
    private static boolean dat(Level hk1, Level hk2) {
        return (hk2 == Level.D && hk1 != Level.T) || (hk2 == Level.K && hk1 == Level.CD);
    }

    static String explain(Level hk1, Level hk2, Level year) {
        return "Rèn luyện cả năm: HK I " + hk1.label() + ", HK II " + hk2.label() + " → " + year.label()
                + " (Điều 8)";
    }
}
