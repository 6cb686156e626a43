package vn.hocba.documents;

/** The document types, each with its template in {@code templates/} and its XML format. */
public enum DocumentKind {
    TRANSCRIPT("transcript", "urn:hocba:transcript:1", "hocba-transcript-1.xsd", "Học bạ"),
    CLASS_GRADEBOOK("class-gradebook", "urn:hocba:class-gradebook:1", "hocba-class-gradebook-1.xsd",
            "Sổ theo dõi và đánh giá học sinh"),
    SUBJECT_RESULT_SHEET("subject-result-sheet", "urn:hocba:subject-result-sheet:1",
            "hocba-subject-result-sheet-1.xsd", "Bảng kết quả môn học"),
    REPORT_CARD("report-card", "urn:hocba:report-card:1", "hocba-report-card-1.xsd", "Phiếu liên lạc"),
    CORRECTION_RECORD("correction-record", "urn:hocba:correction-record:1", "hocba-correction-record-1.xsd",
            "Biên bản sửa điểm");

    private final String templateName;
    private final String namespace;
    private final String schemaFile;
    private final String displayName;

    DocumentKind(String templateName, String namespace, String schemaFile, String displayName) {
        this.templateName = templateName;
        this.namespace = namespace;
        this.schemaFile = schemaFile;
        this.displayName = displayName;
    }

    /** Template file name without extension, under {@code templates/}. */
    public String templateName() {
        return templateName;
    }

    /** XML namespace of the embedded data file. */
    public String namespace() {
        return namespace;
    }

    /** Classpath resource of the XSD describing the embedded data file. */
    public String schemaResource() {
        return "formats/" + schemaFile;
    }

    /** Name of the embedded data file, e.g. {@code hocba-transcript.xml}. */
    public String attachmentName() {
        return "hocba-" + templateName + ".xml";
    }

    public String displayName() {
        return displayName;
    }
}
