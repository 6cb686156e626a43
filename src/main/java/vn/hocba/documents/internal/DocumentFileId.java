package vn.hocba.documents.internal;

import java.nio.charset.StandardCharsets;

/**
 * The trailer's file identifier, {@code /ID [<a><a>]}, made from the data's SHA-256 (which covers the document id and
 * version) instead of OpenPDF's, which hashes the current time: a re-render of the same data is the same file.
 * OpenPDF has no way to give the ID (short of writing it into the document information too), so its two 32-digit hex
 * strings are overwritten in the finished file, at the very end, where OpenPDF writes the trailer; the file's length
 * and every offset stay as they are.
 */
final class DocumentFileId {

    private static final byte[] KEY = "/ID".getBytes(StandardCharsets.US_ASCII);
    /** The trailer, startxref and %%EOF: a few hundred bytes at the end. */
    private static final int TAIL = 1024;
    private static final int DIGITS = 32;

    private DocumentFileId() {
    }

    /** Sets the ID of {@code pdf}, as OpenPDF wrote it, to the first half of {@code dataSha256} (hex), twice. */
    static void set(byte[] pdf, String dataSha256) {
        int at = idArray(pdf);
        byte[] id = dataSha256.substring(0, DIGITS).toUpperCase(java.util.Locale.ROOT)
                .getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(id, 0, pdf, at + 2, DIGITS);
        System.arraycopy(id, 0, pdf, at + 2 + DIGITS + 2, DIGITS);
    }

    /** Where the trailer's {@code [<32 hex digits><32 hex digits>]} starts. */
    private static int idArray(byte[] pdf) {
        for (int i = pdf.length - KEY.length; i >= Math.max(0, pdf.length - TAIL); i--) {
            if (startsWith(pdf, i, KEY)) {
                int at = i + KEY.length;
                while (at < pdf.length && pdf[at] == ' ') {
                    at++;
                }
                if (isIdArray(pdf, at)) {
                    return at;
                }
            }
        }
        throw new IllegalStateException("OpenPDF's trailer has no /ID [<...><...>] where it is expected");
    }

    private static boolean isIdArray(byte[] pdf, int at) {
        int end = at + 2 + DIGITS + 2 + DIGITS + 2;
        if (end > pdf.length || pdf[at] != '[' || pdf[at + 1] != '<' || pdf[at + 2 + DIGITS] != '>'
                || pdf[at + 3 + DIGITS] != '<' || pdf[end - 2] != '>' || pdf[end - 1] != ']') {
            return false;
        }
        for (int i = at + 2; i < end - 2; i++) {
            if (i != at + 2 + DIGITS && i != at + 3 + DIGITS && Character.digit(pdf[i], 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
