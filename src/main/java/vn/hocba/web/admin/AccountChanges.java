package vn.hocba.web.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.hocba.audit.AuditEntry;
import vn.hocba.audit.AuditRecord;
import vn.hocba.audit.AuditTrail;
import vn.hocba.security.Role;
import vn.hocba.web.PersonNames;

/**
 * "Nhật ký thay đổi tài khoản" in words (session 30): the audit log keeps its values in English and role codes, as
 * logs do ("must change the password at the next login", "[CLERK]", "staff GV25 …", "locked for PT15M from …");
 * the admin board reads each change in Vietnamese, people by name, the system's own steps as "Hệ thống (…)".
 */
@Component
class AccountChanges {

    /** One line of the table. */
    record Line(Instant at, String who, String what, String account, String detail) {
    }

    private static final Map<String, String> ACTIONS = Map.ofEntries(Map.entry("ACCOUNT_CREATED", "Tạo tài khoản"),
            Map.entry("PASSWORD_TEMPORARY", "Mật khẩu tạm thời"), Map.entry("PASSWORD_RESET", "Đặt lại mật khẩu"),
            Map.entry("PASSWORD_CHANGED", "Tự đổi mật khẩu"), Map.entry("ACCOUNT_DISABLED", "Khoá tài khoản"),
            Map.entry("ACCOUNT_ENABLED", "Mở lại tài khoản"), Map.entry("ACCOUNT_UNLOCKED", "Gỡ tạm khoá đăng nhập"),
            Map.entry("ACCOUNT_LOCKED", "Tạm khoá đăng nhập"), Map.entry("ACCOUNT_ROLES_CHANGED", "Đổi vai trò"),
            Map.entry("ACCOUNT_LINKED", "Liên kết cán bộ"), Map.entry("ACCOUNT_UNLINKED", "Bỏ liên kết cán bộ"));
    private static final Map<String, String> SYSTEM = Map.of("demo", "tạo trường mẫu", "login", "chống dò mật khẩu",
            "cli", "lệnh quản trị trên máy chủ", "migration V60", "nâng cấp dữ liệu V60");

    private final AuditTrail trail;
    private final PersonNames people;

    AccountChanges(AuditTrail trail, PersonNames people) {
        this.trail = trail;
        this.people = people;
    }

    /** The latest {@code limit} changes of accounts, newest first. */
    List<Line> latest(int limit) {
        return trail.latest("account ", limit).stream().map(this::line).toList();
    }

    private Line line(AuditEntry e) {
        AuditRecord r = e.record();
        return new Line(e.occurredAt(), who(r.actor().username()), ACTIONS.getOrDefault(r.action(), r.action()),
                r.target().substring("account ".length()), detail(r));
    }

    private String who(String username) {
        if (username.startsWith("system:")) {
            String what = username.substring("system:".length());
            return "Hệ thống (" + SYSTEM.getOrDefault(what, what) + ")";
        }
        return people.of(username);
    }

    static String detail(AuditRecord r) {
        return switch (r.action()) {
            case "ACCOUNT_CREATED" -> created(r.newValue());
            case "PASSWORD_TEMPORARY" -> "Phải đổi mật khẩu ở lần đăng nhập tới.";
            case "PASSWORD_RESET" -> "Mật khẩu tạm thời, phải đổi ở lần đăng nhập tới; mọi phiên đăng nhập và mã API đã kết thúc.";
            case "PASSWORD_CHANGED" -> "Mọi phiên đăng nhập và mã API đã kết thúc.";
            case "ACCOUNT_DISABLED", "ACCOUNT_ENABLED", "ACCOUNT_UNLOCKED" -> "";
            case "ACCOUNT_LOCKED" -> locked(r.newValue());
            case "ACCOUNT_ROLES_CHANGED" -> roles(r.oldValue()) + " → " + roles(r.newValue());
            case "ACCOUNT_LINKED" -> (r.oldValue() == null ? "" : staff(r.oldValue()) + " → ") + staff(r.newValue());
            case "ACCOUNT_UNLINKED" -> staff(r.oldValue());
            default -> r.newValue() == null ? "" : r.newValue();
        };
    }

    /** "Phạm Thị Lan [CLERK]" → "Phạm Thị Lan · vai trò: Văn thư". */
    private static String created(String value) {
        if (value == null || !value.endsWith("]") || !value.contains(" [")) {
            return value == null ? "" : value;
        }
        int at = value.lastIndexOf(" [");
        return value.substring(0, at) + " · vai trò: " + roles(value.substring(at + 1));
    }

    /** "[DEPARTMENT_HEAD, CLERK]" → "Tổ trưởng chuyên môn, Văn thư"; "[]" → "không có". */
    private static String roles(String value) {
        if (value == null || value.length() < 2) {
            return "không có";
        }
        String inner = value.substring(1, value.length() - 1).trim();
        return inner.isEmpty() ? "không có" : Arrays.stream(inner.split(",\\s*")).map(AccountChanges::role)
                .collect(Collectors.joining(", "));
    }

    private static String role(String code) {
        return Arrays.stream(Role.values()).filter(r -> r.name().equals(code)).findFirst().map(Role::title).orElse(code);
    }

    /** "staff GV25 Mai Thị Hương Giang" → "cán bộ GV25 Mai Thị Hương Giang". */
    private static String staff(String value) {
        return value == null ? "" : value.startsWith("staff ") ? "cán bộ " + value.substring("staff ".length()) : value;
    }

    /** "locked for PT15M from 10.0.0.7" → "15 phút, từ địa chỉ 10.0.0.7"; "… from new addresses" → "… từ địa chỉ mới". */
    private static String locked(String value) {
        if (value == null || !value.startsWith("locked for ") || !value.contains(" from ")) {
            return value == null ? "" : value;
        }
        String rest = value.substring("locked for ".length());
        String duration = rest.substring(0, rest.indexOf(" from "));
        String from = rest.substring(rest.indexOf(" from ") + " from ".length());
        String minutes;
        try {
            minutes = Duration.parse(duration).toMinutes() + " phút";
        } catch (java.time.format.DateTimeParseException e) {
            minutes = duration;
        }
        return "Sai mật khẩu nhiều lần: khoá " + minutes + (from.equals("new addresses")
                ? " với các địa chỉ tài khoản chưa từng dùng." : ", từ địa chỉ " + from + ".");
    }
}
