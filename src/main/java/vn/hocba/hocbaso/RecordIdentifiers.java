package vn.hocba.hocbaso;

/**
 * The identifiers a record must carry before it is issued (docs/hocbaso.md "Fields").
 *
 * @param moetStudentCode  nguoi_hoc_id: the student's code in the sector database, or a temporary code
 * @param temporaryCode    true while the sector database has not assigned the student's code yet
 * @param schoolCode       co_so_giao_duc_id: the school's code in the sector database
 * @param registerNumber   so_so_dang_bo: the student's number in the school's register (sổ đăng bộ)
 */
public record RecordIdentifiers(String moetStudentCode, boolean temporaryCode, String schoolCode, String registerNumber) {

    /** Nothing known yet. */
    public static RecordIdentifiers none() {
        return new RecordIdentifiers(null, false, null, null);
    }
}
