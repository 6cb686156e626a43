package vn.hocba.documents;

/** The data of one document: rendered into the PDF and embedded in it as XML. */
public sealed interface DocumentData
        permits TranscriptData, ClassGradebookData, SubjectResultSheetData, ReportCardData, CorrectionRecordData {

    DocumentIdentity identity();

    SchoolInfo school();

    DocumentKind kind();

    /** Title in the PDF metadata and the XMP dc:title. */
    String title();
}
