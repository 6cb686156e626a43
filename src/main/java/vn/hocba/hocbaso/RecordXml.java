package vn.hocba.hocbaso;

import static vn.hocba.hocbaso.HocBaSoProfile.*;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.hocba.documents.PrintedProfile;
import vn.hocba.documents.SchoolInfo;
import vn.hocba.documents.SubjectRow;
import vn.hocba.documents.TermLevels;
import vn.hocba.documents.TranscriptData;
import vn.hocba.grading.Promotion;

/**
 * Builds the unsigned record of profile {@code hocbaso-thcs} "provisional-1" from a transcript's
 * data, with empty signature slots: one {@code GVBM} per teacher of each subject, {@code GVCN},
 * {@code CBQL} and {@code KY_PHAT_HANH}. Refuses (with what is missing) a record that lacks an identifier.
 */
public final class RecordXml {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final SubjectCodeTable subjectCodes;
    private final RecordReadiness readiness;

    public RecordXml(SubjectCodeTable subjectCodes) {
        this.subjectCodes = subjectCodes;
        this.readiness = new RecordReadiness(subjectCodes);
    }

    /** @throws RecordNotReadyException naming the student and each missing identifier */
    public Document build(RecordInput input) {
        List<String> missing = readiness.missing(input);
        if (!missing.isEmpty()) {
            throw new RecordNotReadyException(missing);
        }
        TranscriptData t = input.transcript();
        Document doc = XmlDocuments.newDocument();
        Element root = doc.createElementNS(null, ROOT);
        root.setAttribute(ATTR_PROFILE, PROFILE);
        root.setAttribute(ATTR_VERSION, VERSION);
        doc.appendChild(root);
        Element data = XmlDocuments.child(root, DATA);
        data.setAttribute(ID, DATA_ID);
        info(XmlDocuments.child(data, INFO), input);
        Element marks = XmlDocuments.child(data, MARKS);
        for (SubjectRow row : t.subjects()) {
            subject(marks, row, national(row));
        }
        Element slots = XmlDocuments.child(data, SLOTS);
        XmlDocuments.child(slots, HOMEROOM_SLOT).setAttribute(ATTR_SIGNER, t.homeroomTeacher());
        Element subjectSlots = XmlDocuments.child(slots, SUBJECT_SLOTS);
        for (SubjectRow row : t.subjects()) {
            List<String> teachers = input.teachersOf(row.code(), row.teacherName());
            for (int i = 0; i < teachers.size(); i++) {
                Element slot = XmlDocuments.child(subjectSlots, SUBJECT_SLOT);
                slot.setAttribute(ID, subjectSlotId(national(row), i + 1));
                slot.setAttribute(SUBJECT_ID, national(row));
                slot.setAttribute(ATTR_COVERS, "#" + subjectElementId(national(row)));
                slot.setAttribute(ATTR_SIGNER, teachers.get(i));
            }
        }
        Element issue = XmlDocuments.child(root, ISSUE);
        Element principal = XmlDocuments.child(issue, PRINCIPAL_SLOT);
        principal.setAttribute(ATTR_SIGNER, t.principalName());
        XmlDocuments.child(issue, ISSUER_SLOT).setAttribute(ATTR_SIGNER, t.school().name());
        XmlDocuments.markIds(doc);
        return doc;
    }

    private String national(SubjectRow row) {
        return subjectCodes.nationalCode(row.code()).orElseThrow();
    }

    private static void info(Element info, RecordInput input) {
        info.setAttribute(ID, INFO_ID);
        TranscriptData t = input.transcript();
        String[] years = t.schoolYear().split("-");
        XmlDocuments.leaf(info, START_YEAR, years[0]);
        XmlDocuments.leaf(info, END_YEAR, years.length > 1 ? years[1] : "");
        XmlDocuments.leaf(info, CLASS_NAME, t.className());
        XmlDocuments.leaf(info, GRADE, String.format("%02d", Integer.parseInt(t.grade())));
        XmlDocuments.leaf(info, LEVEL, LEVEL_THCS);
        XmlDocuments.leaf(info, REGISTER_NUMBER, input.identifiers().registerNumber());
        XmlDocuments.leaf(info, ISSUE_DATE, DateTimeFormatter.ISO_LOCAL_DATE.format(t.identity().issuedAt().atZone(VIETNAM)));
        school(XmlDocuments.child(info, SCHOOL), t.school(), input.identifiers());
        student(XmlDocuments.child(info, STUDENT), t.student(), input.identifiers());
        summary(XmlDocuments.child(info, SUMMARY), t);
        Element signers = XmlDocuments.child(info, SIGNERS);
        XmlDocuments.leaf(signers, HOMEROOM_NAME, t.homeroomTeacher());
        XmlDocuments.leaf(signers, PRINCIPAL_NAME, t.principalName());
        XmlDocuments.leaf(signers, PRINCIPAL_POSITION, t.principalTitle());
    }

    private static void school(Element e, SchoolInfo s, RecordIdentifiers ids) {
        XmlDocuments.leaf(e, SCHOOL_ID, ids.schoolCode());
        XmlDocuments.leaf(e, NAME, s.name());
        XmlDocuments.leaf(e, AUTHORITY, s.authority());
        XmlDocuments.leaf(e, DISTRICT, s.district());
        XmlDocuments.leaf(e, PROVINCE, s.province());
    }

    private static void student(Element e, PrintedProfile p, RecordIdentifiers ids) {
        Element code = XmlDocuments.leaf(e, STUDENT_ID, ids.moetStudentCode());
        code.setAttribute(ATTR_TEMPORARY, ids.temporaryCode() ? "1" : "0");
        XmlDocuments.leaf(e, PERSONAL_ID, p.personalId());
        XmlDocuments.leaf(e, SCHOOL_STUDENT_CODE, p.studentCode());
        XmlDocuments.leaf(e, FULL_NAME, p.fullName());
        XmlDocuments.leaf(e, BIRTH_DATE, DateTimeFormatter.ISO_LOCAL_DATE.format(RecordReadiness.birthDate(p)));
        XmlDocuments.leaf(e, SEX, p.sex());
        XmlDocuments.optionalLeaf(e, ETHNICITY, p.ethnicity());
        XmlDocuments.optionalLeaf(e, BIRTHPLACE, p.placeOfBirth());
        XmlDocuments.optionalLeaf(e, POLICY, p.policyStatus());
        XmlDocuments.optionalLeaf(e, ADDRESS, p.address());
        parent(e, FATHER, p.fatherName(), p.fatherOccupation());
        parent(e, MOTHER, p.motherName(), p.motherOccupation());
        parent(e, GUARDIAN, p.guardianName(), p.guardianOccupation());
    }

    private static void parent(Element e, String name, String fullName, String occupation) {
        if (fullName == null || fullName.isBlank()) {
            return;
        }
        Element parent = XmlDocuments.child(e, name);
        XmlDocuments.leaf(parent, FULL_NAME, fullName);
        XmlDocuments.optionalLeaf(parent, OCCUPATION, occupation);
    }

    private static void summary(Element e, TranscriptData t) {
        TermLevels c = t.conduct();
        TermLevels l = t.learning();
        XmlDocuments.leaf(e, CONDUCT_1, c.hk1());
        XmlDocuments.leaf(e, CONDUCT_2, c.hk2());
        XmlDocuments.leaf(e, CONDUCT_YEAR, c.year());
        XmlDocuments.optionalLeaf(e, CONDUCT_SUMMER, c.reassessed());
        XmlDocuments.leaf(e, LEARNING_1, l.hk1());
        XmlDocuments.leaf(e, LEARNING_2, l.hk2());
        XmlDocuments.leaf(e, LEARNING_YEAR, l.year());
        XmlDocuments.optionalLeaf(e, LEARNING_REASSESSED, l.reassessed());
        XmlDocuments.leaf(e, ABSENCES, String.valueOf(t.absences()));
        XmlDocuments.leaf(e, PROMOTED, promoted(t.promotion()) ? "1" : "0");
        XmlDocuments.leaf(e, PROMOTION_TEXT, t.promotion());
        XmlDocuments.optionalLeaf(e, AWARDS, t.awards());
        XmlDocuments.leaf(e, HOMEROOM_COMMENT, t.homeroomComment());
        XmlDocuments.leaf(e, CORRECTIONS, String.valueOf(t.correctionCount()));
    }

    /** TT22 Art. 14: promoted directly or after the summer reassessment. */
    static boolean promoted(String promotionText) {
        return Promotion.PROMOTED.label().equals(promotionText)
                || Promotion.PROMOTED_AFTER_REASSESSMENT.label().equals(promotionText);
    }

    private static void subject(Element marks, SubjectRow row, String nationalCode) {
        Element s = XmlDocuments.child(marks, SUBJECT);
        s.setAttribute(ID, subjectElementId(nationalCode));
        XmlDocuments.leaf(s, SUBJECT_ID, nationalCode);
        XmlDocuments.leaf(s, SUBJECT_NAME, row.name());
        XmlDocuments.leaf(s, TERM_1, row.hk1());
        XmlDocuments.leaf(s, TERM_2, row.hk2());
        XmlDocuments.leaf(s, YEAR, row.year());
        XmlDocuments.optionalLeaf(s, REASSESSED, row.reassessment());
        XmlDocuments.optionalLeaf(s, COMMENT, row.comment());
        XmlDocuments.leaf(s, TEACHER, row.teacherName());
    }
}
