package vn.hocba.hocbaso;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * HocBa's subject codes ({@code TOAN}) to the national catalogue's ({@code mon_hoc_id}, "15"). The
 * defaults are the THCS codes seen in the national client (docs/hocbaso.md), to be checked against
 * the sector catalogue; {@code hocba.hocbaso.subject-codes.<CODE>=<national code>} overrides or adds one.
 */
public final class SubjectCodeTable {

    private static final Map<String, String> THCS = Map.ofEntries(
            Map.entry("NGU_VAN", "19"), Map.entry("TOAN", "15"), Map.entry("NGOAI_NGU_1", "69"),
            Map.entry("GDCD", "26"), Map.entry("LS_DL", "05"), Map.entry("KHTN", "66"),
            Map.entry("CONG_NGHE", "27"), Map.entry("TIN_HOC", "32"), Map.entry("GDTC", "88"),
            Map.entry("NGHE_THUAT", "97"), Map.entry("HDTN_HN", "91"), Map.entry("GDDP", "99"),
            Map.entry("TIENG_DAN_TOC", "14"), Map.entry("NGOAI_NGU_2", "31"));

    private final Map<String, String> codes;

    /** The defaults with {@code overrides} applied (HocBa code → national code). */
    public SubjectCodeTable(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(THCS);
        overrides.forEach((k, v) -> {
            if (v == null || !v.matches("\\d{2,3}")) {
                throw new IllegalArgumentException("hocba.hocbaso.subject-codes." + k + ": mã môn học quốc gia \"" + v
                        + "\" phải gồm 2–3 chữ số.");
            }
            merged.put(k, v);
        });
        this.codes = Map.copyOf(merged);
    }

    public static SubjectCodeTable standard() {
        return new SubjectCodeTable(Map.of());
    }

    /** The national code of a HocBa subject code, if the table knows it. */
    public Optional<String> nationalCode(String hocbaCode) {
        return Optional.ofNullable(codes.get(hocbaCode));
    }
}
