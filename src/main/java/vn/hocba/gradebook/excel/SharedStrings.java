package vn.hocba.gradebook.excel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;
import vn.hocba.common.Rejected;

/**
 * The workbook's shared strings (xl/sharedStrings.xml) read with SAX: each {@code <si>} is the
 * text of its {@code <t>} runs, phonetic runs left out, {@code _xHHHH_} escapes decoded — what POI's
 * {@code getStringCellValue()} returns. Refused as soon as there are too many or one is too long.
 */
final class SharedStrings extends DefaultHandler {

    private static final Pattern ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

    private final List<String> strings = new ArrayList<>();
    private final XlsxLimits limits;
    private final String file;
    private StringBuilder current;
    private boolean inText;
    private int phonetic;

    SharedStrings(XlsxLimits limits, String file) {
        this.limits = limits;
        this.file = file;
    }

    /** The string at {@code index}, or null when there is none. */
    String get(int index) {
        return index >= 0 && index < strings.size() ? strings.get(index) : null;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        switch (localName) {
            case "si" -> current = new StringBuilder();
            case "rPh" -> phonetic++;
            case "t" -> inText = current != null && phonetic == 0;
            default -> { }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        switch (localName) {
            case "t" -> inText = false;
            case "rPh" -> phonetic--;
            case "si" -> add();
            default -> { }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (!inText) {
            return;
        }
        if (current.length() + length > limits.maxCellChars()) {
            throw Rejected.invalid(file + ": chuỗi thứ " + (strings.size() + 1) + " trong bảng chuỗi dùng chung dài hơn "
                    + limits.maxCellChars() + " ký tự, vượt giới hạn của một ô Excel. Tệp có lẽ bị hỏng hoặc không do Excel tạo ra.");
        }
        current.append(ch, start, length);
    }

    private void add() {
        if (strings.size() >= limits.maxSharedStrings()) {
            throw Rejected.invalid(file + " có hơn " + limits.maxSharedStrings() + " chuỗi trong bảng chuỗi dùng chung, vượt giới hạn "
                    + "cho một bảng điểm. Hãy xoá các trang tính, dòng không cần thiết rồi tải lên lại.");
        }
        strings.add(decoded(current));
        current = null;
    }

    /** Excel writes characters XML cannot hold (control characters) as {@code _xHHHH_}; {@code _x005F_} is '_'. */
    static String decoded(CharSequence text) {
        if (text.length() < 7 || text.toString().indexOf("_x") < 0) {
            return text.toString();
        }
        Matcher m = ESCAPE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
