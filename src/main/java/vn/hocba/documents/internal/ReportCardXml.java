package vn.hocba.documents.internal;

import vn.hocba.documents.Correction;
import vn.hocba.documents.CorrectionRecordData;
import vn.hocba.documents.ReportCardData;
import vn.hocba.documents.ReportCardRow;
import vn.hocba.documents.ReportCardYear;

/** Bodies of {@code urn:hocba:report-card:1} and {@code urn:hocba:correction-record:1}. */
final class ReportCardXml {

    private ReportCardXml() {
    }

    static void reportCard(XmlOut out, ReportCardData r) {
        DataXml.student(out, r.student());
        out.start("period").attr("className", r.className()).attr("schoolYear", r.schoolYear())
                .attr("name", r.period()).end();
        if (r.yearCard()) {
            yearResults(out, r.year());
        } else {
            out.start("subjects");
            for (ReportCardRow row : r.rows()) {
                out.start("subject").leaf("name", row.subjectName()).leaf("regular", row.regularMarks())
                        .leaf("midTerm", row.midTerm()).leaf("endOfTerm", row.endOfTerm())
                        .leaf("average", row.average()).end();
            }
            out.end();
        }
        out.leaf("excusedAbsences", r.excusedAbsences()).leaf("unexcusedAbsences", r.unexcusedAbsences())
                .leaf("conduct", r.conduct()).leaf("homeroomComment", r.homeroomComment())
                .leaf("homeroomTeacher", r.homeroomTeacher()).leaf("dateLine", r.dateLine());
    }

    private static void yearResults(XmlOut out, ReportCardYear year) {
        out.start("yearResults");
        for (ReportCardYear.ReportCardYearRow row : year.rows()) {
            out.start("subject").leaf("name", row.subjectName()).leaf("hk1", row.term1()).leaf("hk2", row.term2())
                    .leaf("year", row.year()).leaf("retest", row.retest()).end();
        }
        out.leaf("learning", year.learning()).leaf("reassessedLearning", year.reassessedLearning())
                .leaf("promotion", year.promotion()).end();
    }

    static void correctionRecord(XmlOut out, CorrectionRecordData c) {
        out.start("class").attr("name", c.className()).attr("schoolYear", c.schoolYear()).end();
        out.start("corrections");
        for (Correction k : c.corrections()) {
            out.start("correction").leaf("student", k.studentName()).leaf("subject", k.subjectName())
                    .leaf("assessment", k.assessment()).leaf("oldValue", k.oldValue())
                    .leaf("newValue", k.newValue()).leaf("reason", k.reason())
                    .start("requested").attr("by", k.requestedBy()).attr("at", k.requestedAt()).end()
                    .start("confirmed").attr("by", k.confirmedBy()).attr("at", k.confirmedAt()).end()
                    .start("approved").attr("by", k.approvedBy()).attr("at", k.approvedAt()).end()
                    .end();
        }
        out.end().leaf("homeroomTeacher", c.homeroomTeacher())
                .start("principal").attr("title", c.principalTitle()).leaf("name", c.principalName()).end()
                .leaf("dateLine", c.dateLine());
    }
}
