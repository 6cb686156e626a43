package vn.hocba.hocbaso;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import vn.hocba.documents.PrintedProfile;
import vn.hocba.documents.SubjectRow;

/**
 * What a record still lacks before it may be generated: the student's sector code, a valid
 * personal id, the school's code, the register number, a national code for every subject and a
 * teacher for every subject's slot. Each problem names the student (and subject).
 */
public final class RecordReadiness {

    private static final DateTimeFormatter PRINTED_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final SubjectCodeTable subjectCodes;

    public RecordReadiness(SubjectCodeTable subjectCodes) {
        this.subjectCodes = subjectCodes;
    }

    /** Empty when the record can be generated. */
    public List<String> missing(RecordInput input) {
        List<String> missing = new ArrayList<>();
        RecordIdentifiers ids = input.identifiers();
        PrintedProfile p = input.transcript().student();
        if (blank(ids.moetStudentCode())) {
            missing.add("thiếu mã học sinh trên CSDL ngành (hoặc mã tạm)");
        }
        if (blank(ids.schoolCode())) {
            missing.add("thiếu mã trường trên CSDL ngành (co_so_giao_duc_id)");
        }
        if (blank(ids.registerNumber())) {
            missing.add("thiếu số sổ đăng bộ");
        }
        missing.addAll(PersonalIdCheck.problems(p.personalId(), birthDate(p), "Nữ".equals(p.sex())));
        for (SubjectRow row : input.transcript().subjects()) {
            if (subjectCodes.nationalCode(row.code()).isEmpty()) {
                missing.add("môn " + row.name() + " (" + row.code() + ") chưa có mã môn học quốc gia"
                        + " (hocba.hocbaso.subject-codes." + row.code() + ")");
            }
            if (input.teachersOf(row.code(), row.teacherName()).isEmpty()) {
                missing.add("môn " + row.name() + " chưa có giáo viên bộ môn để ký");
            }
        }
        return missing.stream().map(m -> input.student() + ": " + m).toList();
    }

    static LocalDate birthDate(PrintedProfile p) {
        try {
            return p.dateOfBirth() == null || p.dateOfBirth().isBlank() ? null : LocalDate.parse(p.dateOfBirth(), PRINTED_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
