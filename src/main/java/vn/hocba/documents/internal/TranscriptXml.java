package vn.hocba.documents.internal;

import vn.hocba.documents.SubjectRow;
import vn.hocba.documents.TranscriptData;

/** Body of {@code urn:hocba:transcript:1} (schema {@code formats/hocba-transcript-1.xsd}). */
final class TranscriptXml {

    private TranscriptXml() {
    }

    static void body(XmlOut out, TranscriptData t) {
        DataXml.student(out, t.student());
        out.start("year").attr("schoolYear", t.schoolYear()).attr("className", t.className())
                .attr("grade", t.grade());
        out.start("subjects");
        for (SubjectRow row : t.subjects()) {
            out.start("subject").attr("code", row.code())
                    .leaf("name", row.name()).leaf("hk1", row.hk1()).leaf("hk2", row.hk2())
                    .leaf("year", row.year()).optional("reassessment", row.reassessment())
                    .optional("comment", row.comment()).leaf("teacher", row.teacherName());
            row.signedSheet().ifPresent(s -> DataXml.signedSheet(out, s));
            out.end();
        }
        out.end();
        out.start("corrections").attr("count", t.correctionCount());
        t.correctedSubjects().forEach(s -> out.leaf("subject", s));
        out.end();
        DataXml.levels(out, "conduct", t.conduct());
        DataXml.levels(out, "learning", t.learning());
        out.leaf("absences", t.absences()).leaf("promotion", t.promotion())
                .optional("awards", t.awards()).leaf("homeroomComment", t.homeroomComment())
                .leaf("homeroomTeacher", t.homeroomTeacher())
                .start("principal").attr("title", t.principalTitle()).leaf("name", t.principalName()).end()
                .leaf("dateLine", t.dateLine());
        out.end();
    }
}
