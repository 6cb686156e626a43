package vn.hocba.gradebook.excel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Where a workbook's parts are: its sheets in tab order (name → part) and its shared strings, found
 * through the package relationships and the workbook part (both read with SAX, bounded like any part).
 */
record WorkbookParts(List<Sheet> sheets, String sharedStrings) {

    private static final String OFFICE_DOCUMENT = "/officeDocument";
    private static final String SHARED_STRINGS = "/sharedStrings";

    /** A sheet: its tab name and its part in the zip. */
    record Sheet(String name, String part) {
    }

    private record Relationship(String type, String target) {
    }

    static WorkbookParts read(XlsxPackage xlsx) {
        String workbook = relationships(xlsx, "_rels/.rels", "").values().stream().filter(r -> r.type().endsWith(OFFICE_DOCUMENT))
                .map(Relationship::target).findFirst().orElse("xl/workbook.xml");
        String dir = workbook.contains("/") ? workbook.substring(0, workbook.lastIndexOf('/') + 1) : "";
        Map<String, Relationship> rels = relationships(xlsx, dir + "_rels/" + workbook.substring(dir.length()) + ".rels", dir);
        String sharedStrings = rels.values().stream().filter(r -> r.type().endsWith(SHARED_STRINGS)).map(Relationship::target)
                .findFirst().orElse(null);
        List<Sheet> sheets = new ArrayList<>();
        xlsx.parse(workbook, new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                if (localName.equals("sheet")) {
                    Relationship r = rels.get(relationshipId(attributes));
                    if (r == null) {
                        throw xlsx.corrupt();
                    }
                    sheets.add(new Sheet(String.valueOf(attributes.getValue("name")), r.target()));
                }
            }
        });
        return new WorkbookParts(List.copyOf(sheets), sharedStrings);
    }

    /** The sheet whose part is {@code part}, if any. */
    java.util.Optional<Sheet> sheetInPart(String part) {
        return sheets.stream().filter(s -> s.part().equalsIgnoreCase(part)).findFirst();
    }

    private static String relationshipId(Attributes attributes) {
        for (int i = 0; i < attributes.getLength(); i++) {
            if (attributes.getLocalName(i).equals("id") && !attributes.getURI(i).isEmpty()) {
                return attributes.getValue(i);
            }
        }
        return null;
    }

    /** The relationships of a part: id → type and target resolved against {@code dir}; none when the part is absent. */
    private static Map<String, Relationship> relationships(XlsxPackage xlsx, String part, String dir) {
        Map<String, Relationship> rels = new LinkedHashMap<>();
        if (!xlsx.has(part)) {
            return rels;
        }
        xlsx.parse(part, new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                if (localName.equals("Relationship") && !"External".equals(attributes.getValue("TargetMode"))) {
                    rels.put(attributes.getValue("Id"), new Relationship(String.valueOf(attributes.getValue("Type")),
                            resolve(dir, String.valueOf(attributes.getValue("Target")))));
                }
            }
        });
        return rels;
    }

    /** A relationship target as a zip entry name: absolute ("/xl/…") or relative to the source part's folder. */
    static String resolve(String dir, String target) {
        String path = target.startsWith("/") ? target.substring(1) : dir + target;
        List<String> parts = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                parts.add(segment.replace("%20", " "));
            }
        }
        return String.join("/", parts);
    }
}
