package vn.hocba.signing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a PDF's already compressed stream bodies lie, found by scanning its bytes (no parse: the export package only
 * uses them to choose a deflate level, so a stream missed or a false find costs size, never correctness). A body
 * counts when its dictionary names a {@code /Filter} other than the ASCII encodings and it is at least
 * {@link #MIN_SIZE} bytes; it is skipped by its direct {@code /Length}, else up to the next {@code endstream}.
 */
final class PdfStreamBodies {

    /** Smaller bodies are not worth two level switches (each ends a deflate block). */
    static final int MIN_SIZE = 512;
    private static final byte[] STREAM = "stream".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END_STREAM = "endstream".getBytes(StandardCharsets.US_ASCII);
    /** How far back from {@code stream} its dictionary is looked for. */
    private static final int DICTIONARY_WINDOW = 600;
    private static final Pattern DIRECT_LENGTH = Pattern.compile("/Length\\s+(\\d{1,10})(\\s+\\d+\\s+R)?");

    /** One body: bytes {@code start} (inclusive) to {@code end} (exclusive) of the PDF. */
    record Range(int start, int end) {
    }

    private PdfStreamBodies() {
    }

    /** The compressed bodies in file order, not overlapping. */
    static List<Range> compressed(byte[] pdf) {
        List<Range> bodies = new ArrayList<>();
        int from = 0;
        for (int keyword = indexOf(pdf, STREAM, from); keyword >= 0; keyword = indexOf(pdf, STREAM, from)) {
            if (keyword > 0 && pdf[keyword - 1] == 'd') { // "endstream"
                from = keyword + STREAM.length;
                continue;
            }
            int start = bodyStart(pdf, keyword + STREAM.length);
            int windowStart = Math.max(from, keyword - DICTIONARY_WINDOW);
            String dictionary = new String(pdf, windowStart, keyword - windowStart, StandardCharsets.ISO_8859_1);
            int object = dictionary.lastIndexOf("obj");
            dictionary = object >= 0 ? dictionary.substring(object) : dictionary;
            int end = end(pdf, start, dictionary);
            if (end < 0) {
                break;
            }
            if (end - start >= MIN_SIZE && dictionary.contains("/Filter") && !dictionary.contains("/ASCII")) {
                bodies.add(new Range(start, end));
            }
            from = Math.max(end, keyword + STREAM.length);
        }
        return bodies;
    }

    /** After {@code stream}: CR LF or LF (PDF 7.3.8.1), a lone CR tolerated. */
    private static int bodyStart(byte[] pdf, int afterKeyword) {
        int start = afterKeyword;
        if (start < pdf.length && pdf[start] == '\r') {
            start++;
        }
        if (start < pdf.length && pdf[start] == '\n') {
            start++;
        }
        return start;
    }

    private static int end(byte[] pdf, int start, String dictionary) {
        Matcher length = DIRECT_LENGTH.matcher(dictionary);
        if (length.find() && length.group(2) == null) {
            long end = start + Long.parseLong(length.group(1));
            if (end <= pdf.length) {
                return (int) end;
            }
        }
        return indexOf(pdf, END_STREAM, start);
    }

    private static int indexOf(byte[] bytes, byte[] pattern, int from) {
        byte first = pattern[0];
        for (int i = Math.max(from, 0); i <= bytes.length - pattern.length; i++) {
            if (bytes[i] == first && matches(bytes, i, pattern)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean matches(byte[] bytes, int at, byte[] pattern) {
        for (int j = 1; j < pattern.length; j++) {
            if (bytes[at + j] != pattern[j]) {
                return false;
            }
        }
        return true;
    }
}
