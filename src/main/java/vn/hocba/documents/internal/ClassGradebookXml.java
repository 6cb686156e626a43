package vn.hocba.documents.internal;

import java.util.List;
import vn.hocba.documents.AssessmentScope;
import vn.hocba.documents.AttendanceMonth;
import vn.hocba.documents.AttendanceRow;
import vn.hocba.documents.ClassGradebookData;
import vn.hocba.documents.MarkRow;
import vn.hocba.documents.PrintedProfile;
import vn.hocba.documents.StudentSummary;
import vn.hocba.documents.SubjectMarksTable;
import vn.hocba.documents.SubjectResultSheetData;

/**
 * Bodies of {@code urn:hocba:class-gradebook:1} and {@code urn:hocba:subject-result-sheet:1};
 * both share the subject marks table.
 */
final class ClassGradebookXml {

    private ClassGradebookXml() {
    }

    static void body(XmlOut out, ClassGradebookData g) {
        classHeader(out, g.className(), g.grade(), g.schoolYear(), g.scope());
        out.leaf("homeroomTeacher", g.homeroomTeacher())
                .start("principal").attr("title", g.principalTitle()).leaf("name", g.principalName()).end();
        out.start("students");
        for (PrintedProfile p : g.students()) {
            DataXml.student(out, p);
        }
        out.end().start("attendance");
        for (AttendanceMonth m : g.attendance()) {
            month(out, m);
        }
        out.end().start("subjects");
        for (SubjectMarksTable s : g.subjects()) {
            subject(out, s, g.scope());
        }
        out.end().start("summaries");
        for (StudentSummary s : g.summaries()) {
            out.start("summary").attr("student", s.studentName());
            DataXml.levels(out, "conduct", s.conduct());
            DataXml.levels(out, "learning", s.learning());
            out.leaf("excusedAbsences", s.excusedAbsences()).leaf("unexcusedAbsences", s.unexcusedAbsences())
                    .optional("decision", s.decision()).optional("award", s.award()).end();
        }
        out.end().leaf("dateLine", g.dateLine());
    }

    static void resultSheet(XmlOut out, SubjectResultSheetData s) {
        classHeader(out, s.className(), s.grade(), s.schoolYear(), s.scope());
        subject(out, s.subject(), s.scope());
        out.leaf("dateLine", s.dateLine());
    }

    private static void classHeader(XmlOut out, String className, String grade, String year,
            AssessmentScope scope) {
        out.start("class").attr("name", className).attr("grade", grade).attr("schoolYear", year)
                .attr("scope", scope).end();
    }

    private static void month(XmlOut out, AttendanceMonth m) {
        out.start("month").attr("name", m.month()).attr("days", m.days());
        for (AttendanceRow r : m.rows()) {
            out.start("student").attr("name", r.studentName()).attr("excused", r.excused())
                    .attr("unexcused", r.unexcused());
            for (int day = 1; day <= m.days(); day++) {
                if (!r.day(day).isEmpty()) {
                    out.start("absence").attr("day", day).attr("kind", r.day(day)).end();
                }
            }
            out.end();
        }
        out.end();
    }

    static void subject(XmlOut out, SubjectMarksTable s, AssessmentScope scope) {
        out.start("subject").attr("code", s.code()).attr("commentOnly", s.commentOnly())
                .leaf("name", s.name()).leaf("teacher", s.teacherName());
        s.signedSheet().ifPresent(sheet -> DataXml.signedSheet(out, sheet));
        for (MarkRow r : s.rows()) {
            out.start("marks").attr("student", r.studentName());
            if (scope.showsTerm1()) {
                term(out, "hk1", r.hk1Regular(), r.hk1Mid(), r.hk1End(), r.hk1Result());
            }
            if (scope.showsTerm2()) {
                term(out, "hk2", r.hk2Regular(), r.hk2Mid(), r.hk2End(), r.hk2Result());
            }
            if (scope.showsYear()) {
                out.leaf("year", r.yearResult()).optional("reassessment", r.reassessment());
            }
            out.end();
        }
        out.end();
    }

    private static void term(XmlOut out, String name, List<String> regular, String mid, String end, String result) {
        out.start(name);
        regular.forEach(m -> out.leaf("regular", m));
        out.leaf("midTerm", mid).leaf("endOfTerm", end).leaf("result", result).end();
    }
}
