package vn.hocba.hocbaso;

import java.security.cert.X509Certificate;
import java.util.List;
import org.w3c.dom.Document;

/**
 * {@code verify FILE.hocbaso.xml}: every slot's role, signer, validity and what it covers, the
 * schema's verdict, and whether the record as a whole is valid.
 */
public record RecordReport(List<SlotFinding> slots, List<String> schemaProblems) {

    public static RecordReport of(byte[] xml, List<X509Certificate> trustAnchors) {
        Document record = XmlDocuments.parse(xml);
        List<String> schema = RecordSchema.problems(record);
        return new RecordReport(new RecordVerifier(trustAnchors).verify(record), schema);
    }

    public boolean valid() {
        return schemaProblems.isEmpty() && RecordVerifier.allValid(slots);
    }

    /** Every slot that is signed is valid and trusted (slots may still be empty: a record signed part of the way). */
    public boolean signedSlotsValid() {
        return schemaProblems.isEmpty() && slots.stream().filter(SlotFinding::signed).allMatch(s -> s.valid() && s.trusted());
    }

    /** How many slots are signed, of how many. */
    public String signedCount() {
        return slots.stream().filter(SlotFinding::signed).count() + "/" + slots.size();
    }

    public String toText() {
        StringBuilder text = new StringBuilder("Học bạ số (" + HocBaSoProfile.PROFILE + " " + HocBaSoProfile.VERSION
                + "): " + (valid() ? "HỢP LỆ" : "KHÔNG HỢP LỆ") + "\n");
        text.append("Lược đồ: ").append(schemaProblems.isEmpty() ? "đúng " + HocBaSoProfile.SCHEMA
                : "sai — " + schemaProblems.get(0)).append('\n');
        slots.forEach(s -> text.append("  ").append(s.line()).append('\n'));
        return text.toString();
    }
}
