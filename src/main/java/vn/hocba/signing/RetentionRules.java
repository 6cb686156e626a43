package vn.hocba.signing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.hocba.documents.DocumentKind;

/**
 * How long the stored files of a superseded version are kept, per kind of document
 * ({@code hocba.storage.retention.superseded.<kind>}, e.g. {@code report-card=5y}; default {@code forever}).
 * The archive rules decide which kinds may ever be removed: the school keeps every stored file of its
 * gradebooks and their corrections for later inspection — "Tuyệt đối không được ghi đè các tập tin dữ liệu
 * mới, tập tin dữ liệu chỉnh sửa lên tập tin đã lưu trữ trước đó nhằm đảm bảo yêu cầu cho công tác thanh tra,
 * kiểm tra sau này" (seed 003, §1.3) — and học bạ are archived "theo quy định lưu trữ hồ sơ" (seed 004,
 * Điều 13), their data "được bảo quản và sử dụng lâu dài" (seed 002, 3.b). So transcripts, class gradebooks,
 * subject result sheets and correction records are kept forever, and a limit on them stops the node
 * from starting; only report cards (phiếu liên lạc, the parents' copy, not an archive record) may be given
 * a number of years. The current version of any document is never removed.
 */
public final class RetentionRules {

    static final String PREFIX = "hocba.storage.retention.superseded.";
    private static final Pattern YEARS = Pattern.compile("(\\d{1,3})\\s*(y|years?|năm)?");

    private final Map<DocumentKind, Integer> years;

    private RetentionRules(Map<DocumentKind, Integer> years) {
        this.years = years;
    }

    /** Every superseded version kept forever (the default). */
    public static RetentionRules forever() {
        return new RetentionRules(new EnumMap<>(DocumentKind.class));
    }

    /**
     * The rules of the settings {@code hocba.storage.retention.superseded.<kind template name>}.
     *
     * @throws IllegalStateException naming the setting when a value is not understood or a kind the archive
     *                               rules keep forever is given a limit
     */
    public static RetentionRules of(UnaryOperator<String> settings) {
        Map<DocumentKind, Integer> years = new EnumMap<>(DocumentKind.class);
        for (DocumentKind kind : DocumentKind.values()) {
            String value = settings.apply(PREFIX + kind.templateName());
            if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("forever")
                    || value.trim().equalsIgnoreCase("vĩnh viễn")) {
                continue;
            }
            Matcher m = YEARS.matcher(value.trim().toLowerCase());
            if (!m.matches() || Integer.parseInt(m.group(1)) < 1) {
                throw new IllegalStateException(PREFIX + kind.templateName() + "=" + value
                        + ": ghi 'forever' hoặc số năm (vd. 5y) giữ tệp của phiên bản đã bị thay thế");
            }
            if (kind != DocumentKind.REPORT_CARD) {
                throw new IllegalStateException(PREFIX + kind.templateName() + "=" + value + ": " + kind.displayName()
                        + " đã bị thay thế vẫn phải giữ vĩnh viễn theo quy định lưu trữ (không ghi đè, không xoá tệp đã "
                        + "lưu trữ để phục vụ thanh tra, kiểm tra sau này); chỉ phiếu liên lạc (report-card) được giới "
                        + "hạn số năm");
            }
            years.put(kind, Integer.parseInt(m.group(1)));
        }
        return new RetentionRules(years);
    }

    /** The years a superseded version of {@code kind} is kept; empty: forever. */
    public Optional<Integer> yearsFor(DocumentKind kind) {
        return Optional.ofNullable(years.get(kind));
    }

    /** Whether any kind has a limit (otherwise the job has nothing to look at). */
    public boolean anyLimit() {
        return !years.isEmpty();
    }

    /** Whether the files of a version of {@code kind} superseded at {@code supersededAt} may be removed at {@code now}. */
    public boolean expired(DocumentKind kind, Instant supersededAt, Instant now) {
        return yearsFor(kind).map(y -> !supersededAt.atOffset(ZoneOffset.UTC).plusYears(y).toInstant().isAfter(now))
                .orElse(false);
    }

    /** As written in the audit log, e.g. "report-card: 5 năm". */
    public String describe(DocumentKind kind) {
        return kind.templateName() + ": " + yearsFor(kind).map(y -> y + " năm").orElse("vĩnh viễn");
    }
}
