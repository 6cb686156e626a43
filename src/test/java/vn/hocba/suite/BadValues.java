package vn.hocba.suite;

import java.util.List;

/**
 * The hostile values the fuzzer puts in parameters and JSON fields: wrong types, empty, huge, NaN/Infinity,
 * non-ASCII digits, control characters, lone surrogates, over-long strings, SQL/HTML metacharacters, path
 * traversal, template and lookup syntax.
 */
final class BadValues {

    private BadValues() {
    }

    /** Raw values for a path variable or query parameter (percent-encoded by the fuzzer unless marked raw). */
    static final List<String> PARAMETERS = List.of(
            "abc", "-1", "0", "99999999999999999999", "1.5", "1e3", "NaN", "Infinity", "-Infinity",
            "١٢", "１２", "٣", "\u0000", "a\u0007b\u001b[31m", "\r\nSet-Cookie: x=y", " ",
            "../../../../etc/passwd", "..", "..%2f..%2fetc%2fpasswd", "....//....//etc/passwd", "..\\..\\windows\\win.ini",
            "/etc/passwd", "C:\\Windows\\win.ini", "file:///etc/passwd",
            "' OR '1'='1", "1; drop table mark;--", "1 union select password_hash from account",
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "${jndi:ldap://127.0.0.1/a}", "#{7*7}", "{{7*7}}",
            "%s%s%s%n", "true", "null", "[]", "{}",
            "a".repeat(5_000), "ư".repeat(1_500));

    /** Raw percent-encoded forms that the encoder cannot produce: a lone surrogate in CESU-8, an overlong '/' . */
    static final List<String> RAW_PARAMETERS = List.of("%ED%A0%80", "%C0%AF", "%FF%FE", "%2e%2e%2f%2e%2e%2f", "%00", "%25%32%65");

    /** JSON texts to put where a field's value goes. */
    static final List<String> JSON = List.of(
            "\"abc\"", "123456789", "-1", "0", "true", "null", "[]", "{}", "\"\"", "\"   \"",
            "1e400", "-1e400", "NaN", "Infinity", "-Infinity", "\"NaN\"", "\"Infinity\"", "\"-0\"",
            "9223372036854775808", "-9223372036854775809", "1.00000000000000000000000000000001", "1" + "0".repeat(120),
            "\"٣\"", "\"８\"", "\"7,5\"", "\"1E1\"", "\"+8\"", "\"১০\"",
            "\"\\u0000\"", "\"a\\u0007b\\u001b[31m\"", "\"\\r\\n\"",
            "\"\\ud800\"", "\"x\\udc00y\"", "\"\\udbff\"",
            "\"" + "a".repeat(100_000) + "\"", "\"" + "ệ".repeat(40_000) + "\"",
            "\"' OR '1'='1\"", "\"1; drop table mark;--\"", "\"<script>alert(1)</script>\"",
            "\"../../../../etc/passwd\"", "\"..\\\\..\\\\windows\\\\win.ini\"", "\"${jndi:ldap://127.0.0.1/a}\"", "\"#{7*7}\"",
            "[" .repeat(300) + "]".repeat(300), "{\"a\":".repeat(300) + "1" + "}".repeat(300),
            "[1,2,3" , "{\"x\":", "\"2025-02-30\"", "\"2025-13-01\"", "\"99999-01-01\"");

    /** Whole bodies: not an object, broken, nested deep, huge (made once: several megabytes). */
    static List<String> bodies() {
        return BODIES;
    }

    private static final List<String> BODIES = List.of("", " ", "null", "[]", "\"x\"", "123", "{", "}", "{\"a\"", "{'a':1}", "{\"a\":1,}", "<xml/>",
                "\u0000", "\uFEFF{}", "{\"a\":NaN}", "{\"a\":Infinity}",
                "[".repeat(20_000) + "]".repeat(20_000), "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000),
                "{\"a\":\"" + "b".repeat(5_000_000) + "\"}",
                "[" + "{},".repeat(200_000) + "{}]");
}
