package vn.hocba.gradebook;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mark column of a spreadsheet: regular column n ("TX1"), mid-term ("Giữa kì") or end-of-term
 * ("Cuối kì"). Uploads find columns by their header text, never by position, so teachers may add,
 * drop or move columns.
 */
public record SheetColumn(MarkKind kind, int column) {

    public static final String CODE_HEADER = "Mã HS";
    private static final Pattern REGULAR = Pattern.compile("(?:tx|đđgtx|điểmtx)(\\d{1,2})");

    public static SheetColumn regular(int column) {
        return new SheetColumn(MarkKind.REGULAR, column);
    }

    public static final SheetColumn MIDTERM = new SheetColumn(MarkKind.MIDTERM, 1);
    public static final SheetColumn FINAL = new SheetColumn(MarkKind.FINAL, 1);

    /** The header written in templates. */
    public String header() {
        return switch (kind) {
            case REGULAR -> "TX" + column;
            case MIDTERM -> "Giữa kì";
            case FINAL -> "Cuối kì";
        };
    }

    /** The mark column a header names, if any ("TX 3", "ĐĐGtx3", "Giữa kỳ", "GK", "Cuối kì", "CK"). */
    public static Optional<SheetColumn> of(String header) {
        String key = key(header);
        Matcher regular = REGULAR.matcher(key);
        if (regular.matches()) {
            return Optional.of(regular(Integer.parseInt(regular.group(1))));
        }
        return switch (key) {
            case "giữakì", "gk", "đđggk", "giữahọckì" -> Optional.of(MIDTERM);
            case "cuốikì", "ck", "đđgck", "cuốihọckì" -> Optional.of(FINAL);
            default -> Optional.empty();
        };
    }

    /** True when {@code header} is the student-code header ("Mã HS", "Mã học sinh"). */
    public static boolean isCode(String header) {
        String key = key(header);
        return key.equals("mãhs") || key.equals("mãhọcsinh");
    }

    /** Header text compared without case, spaces or the kì/kỳ spelling difference. */
    public static String key(String header) {
        return Normalizer.normalize(header == null ? "" : header, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                .replaceAll("[\\s.:]", "").replace("kỳ", "kì");
    }
}
