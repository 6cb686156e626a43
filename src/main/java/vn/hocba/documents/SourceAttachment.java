package vn.hocba.documents;

/**
 * A file a document embeds as a PDF/A-3 associated file with {@code /AFRelationship /Source}, next to its
 * data XML: the học bạ số record the transcript states (issue 17), signed as far as it is when the
 * transcript is generated.
 *
 * @param name        the embedded file's name, e.g. {@code HS6A1001.hocbaso.xml}
 * @param description what it is, in Vietnamese
 */
public record SourceAttachment(String name, String description, byte[] bytes) {
}
