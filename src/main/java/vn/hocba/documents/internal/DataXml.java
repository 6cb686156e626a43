package vn.hocba.documents.internal;

import java.io.ByteArrayOutputStream;
import java.time.temporal.ChronoUnit;
import vn.hocba.documents.ClassGradebookData;
import vn.hocba.documents.CorrectionRecordData;
import vn.hocba.documents.DocumentData;
import vn.hocba.documents.DocumentIdentity;
import vn.hocba.documents.ReportCardData;
import vn.hocba.documents.SchoolInfo;
import vn.hocba.documents.SignedSheetReference;
import vn.hocba.documents.PrintedProfile;
import vn.hocba.documents.SubjectResultSheetData;
import vn.hocba.documents.TermLevels;
import vn.hocba.documents.TranscriptData;

/**
 * Writes a document's data as the XML embedded in its PDF (formats in
 * {@code src/main/resources/formats/}). Common parts live here, each document type has its body
 * writer.
 */
public final class DataXml {

    private DataXml() {
    }

    /** The UTF-8 XML of {@code data}, in its kind's namespace. */
    public static byte[] write(DocumentData data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        try (XmlOut out = new XmlOut(bytes, rootName(data), data.kind().namespace())) {
            identity(out, data.identity());
            school(out, data.school());
            body(out, data);
        }
        return bytes.toByteArray();
    }

    private static String rootName(DocumentData data) {
        return switch (data.kind()) {
            case TRANSCRIPT -> "transcript";
            case CLASS_GRADEBOOK -> "classGradebook";
            case SUBJECT_RESULT_SHEET -> "subjectResultSheet";
            case REPORT_CARD -> "reportCard";
            case CORRECTION_RECORD -> "correctionRecord";
        };
    }

    private static void body(XmlOut out, DocumentData data) {
        if (data instanceof TranscriptData t) {
            TranscriptXml.body(out, t);
        } else if (data instanceof ClassGradebookData g) {
            ClassGradebookXml.body(out, g);
        } else if (data instanceof SubjectResultSheetData s) {
            ClassGradebookXml.resultSheet(out, s);
        } else if (data instanceof ReportCardData r) {
            ReportCardXml.reportCard(out, r);
        } else if (data instanceof CorrectionRecordData c) {
            ReportCardXml.correctionRecord(out, c);
        }
    }

    private static void identity(XmlOut out, DocumentIdentity id) {
        out.start("document").attr("id", id.documentId()).attr("version", id.version());
        id.supersedes().ifPresent(s -> out.attr("supersedes", s));
        out.attr("issuedAt", id.issuedAt().truncatedTo(ChronoUnit.SECONDS)).end();
    }

    private static void school(XmlOut out, SchoolInfo s) {
        out.start("school").attr("code", s.code())
                .leaf("authority", s.authority()).leaf("name", s.name())
                .leaf("district", s.district()).leaf("province", s.province()).end();
    }

    static void student(XmlOut out, PrintedProfile p) {
        out.start("student").attr("code", p.studentCode()).attr("personalId", p.personalId())
                .leaf("fullName", p.fullName()).leaf("sex", p.sex())
                .leaf("dateOfBirth", p.dateOfBirth()).leaf("placeOfBirth", p.placeOfBirth())
                .leaf("ethnicity", p.ethnicity()).leaf("policyStatus", p.policyStatus())
                .leaf("address", p.address())
                .optional("fatherName", p.fatherName()).optional("fatherOccupation", p.fatherOccupation())
                .optional("motherName", p.motherName()).optional("motherOccupation", p.motherOccupation())
                .optional("guardianName", p.guardianName()).optional("guardianOccupation", p.guardianOccupation())
                .end();
    }

    static void levels(XmlOut out, String name, TermLevels levels) {
        out.start(name).leaf("hk1", levels.hk1()).leaf("hk2", levels.hk2()).leaf("year", levels.year())
                .optional("reassessed", levels.reassessed()).end();
    }

    /** The subject result sheet the teacher(s) signed: version, SHA-256 of the signed PDF, signers in order. */
    static void signedSheet(XmlOut out, SignedSheetReference sheet) {
        out.start("signedSheet").attr("versionLabel", sheet.versionLabel()).attr("sha256", sheet.pdfSha256());
        sheet.signers().forEach(signer -> out.leaf("signedBy", signer));
        out.end();
    }
}
