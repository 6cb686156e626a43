package vn.hocba.pades.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A cross-reference table section (ISO 32000-1 §7.5.4) read straight from the file's bytes when it has exactly the
 * standard layout: {@code xref}, then subsections of a header line ({@code first count}) and {@code count} entries of
 * 20 bytes ({@code nnnnnnnnnn ggggg n} and a two-byte end of line), then {@code trailer}. PDFBox reads each entry as a
 * line and splits it with a regular expression: half of loading a signed transcript, whose first section lists every
 * object of the document, and every signing step loads the transcript. Anything else (comments, short or long
 * entries, an empty table) is left to PDFBox's lenient parser.
 */
final class StandardXrefTable {

    /** One in-use entry: object number, generation, byte offset. */
    record Entry(long number, int generation, long offset) {
    }

    /** The in-use entries with an offset above 0, in file order, and where {@code trailer} begins. */
    record Section(List<Entry> entries, int trailer) {
    }

    private static final byte[] XREF = {'x', 'r', 'e', 'f'};
    private static final byte[] TRAILER = {'t', 'r', 'a', 'i', 'l', 'e', 'r'};
    private static final int ENTRY = 20;

    private StandardXrefTable() {
    }

    /** The section that begins at {@code at} (its {@code xref} keyword), or null when its layout is not the standard one. */
    static Section read(byte[] pdf, int at) {
        if (!startsWith(pdf, at, XREF)) {
            return null;
        }
        int p = endOfLine(pdf, skipBlanks(pdf, at + XREF.length));
        if (p < 0) {
            return null;
        }
        List<Entry> entries = new ArrayList<>();
        boolean anySubsection = false;
        while (true) {
            int q = skipWhiteSpace(pdf, p);
            if (startsWith(pdf, q, TRAILER)) {
                return anySubsection ? new Section(entries, q) : null;
            }
            p = q;
            long first = 0;
            int digits = 0;
            for (; p < pdf.length && isDigit(pdf[p]); p++, digits++) {
                first = first * 10 + (pdf[p] - '0');
            }
            if (digits == 0 || digits > 10 || p >= pdf.length || pdf[p] != ' ') {
                return null;
            }
            p = skipBlanks(pdf, p);
            long count = 0;
            digits = 0;
            for (; p < pdf.length && isDigit(pdf[p]); p++, digits++) {
                count = count * 10 + (pdf[p] - '0');
            }
            if (digits == 0 || digits > 9) {
                return null;
            }
            p = endOfLine(pdf, skipBlanks(pdf, p));
            if (p < 0 || p + count * ENTRY > pdf.length) {
                return null;
            }
            for (long i = 0; i < count; i++, p += ENTRY) {
                if (!isEntry(pdf, p)) {
                    return null;
                }
                if (pdf[p + 17] == 'n') {
                    long offset = number(pdf, p, 10);
                    if (offset > 0) {
                        entries.add(new Entry(first + i, (int) number(pdf, p + 11, 5), offset));
                    }
                }
            }
            anySubsection = true;
        }
    }

    /** {@code nnnnnnnnnn ggggg n} (or {@code f}) and one of the three two-byte ends of line. */
    private static boolean isEntry(byte[] pdf, int p) {
        for (int i = 0; i < 10; i++) {
            if (!isDigit(pdf[p + i])) {
                return false;
            }
        }
        for (int i = 11; i < 16; i++) {
            if (!isDigit(pdf[p + i])) {
                return false;
            }
        }
        byte a = pdf[p + 18];
        byte b = pdf[p + 19];
        return pdf[p + 10] == ' ' && pdf[p + 16] == ' ' && (pdf[p + 17] == 'n' || pdf[p + 17] == 'f')
                && (a == ' ' && (b == '\r' || b == '\n') || a == '\r' && b == '\n');
    }

    private static long number(byte[] pdf, int p, int digits) {
        long value = 0;
        for (int i = 0; i < digits; i++) {
            value = value * 10 + (pdf[p + i] - '0');
        }
        return value;
    }

    /** Just past the end of line at {@code p} ({@code \r\n}, {@code \n} or {@code \r}), or -1 when none is there. */
    private static int endOfLine(byte[] pdf, int p) {
        if (p < pdf.length && pdf[p] == '\r') {
            return p + 1 < pdf.length && pdf[p + 1] == '\n' ? p + 2 : p + 1;
        }
        return p < pdf.length && pdf[p] == '\n' ? p + 1 : -1;
    }

    private static int skipBlanks(byte[] pdf, int p) {
        while (p < pdf.length && pdf[p] == ' ') {
            p++;
        }
        return p;
    }

    private static int skipWhiteSpace(byte[] pdf, int p) {
        while (p < pdf.length && (pdf[p] == ' ' || pdf[p] == '\n' || pdf[p] == '\r' || pdf[p] == '\t'
                || pdf[p] == '\f' || pdf[p] == 0)) {
            p++;
        }
        return p;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static boolean startsWith(byte[] pdf, int at, byte[] keyword) {
        if (at < 0 || at + keyword.length > pdf.length) {
            return false;
        }
        for (int i = 0; i < keyword.length; i++) {
            if (pdf[at + i] != keyword[i]) {
                return false;
            }
        }
        return true;
    }
}
