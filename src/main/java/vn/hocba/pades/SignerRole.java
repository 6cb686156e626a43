package vn.hocba.pades;

/**
 * Who signs, in the school's order (profile "Order and meaning"), with the title printed on the
 * stamp and the conventional name of the signature box in the documents' forms.
 */
public enum SignerRole {
    SUBJECT_TEACHER("Giáo viên bộ môn", "gvbm"),
    HOMEROOM_TEACHER("Giáo viên chủ nhiệm", "gvcn"),
    PRINCIPAL("Hiệu trưởng", "hieu_truong"),
    /** A vice-principal signing on the principal's behalf ("KT. HIỆU TRƯỞNG"). */
    DELEGATED_PRINCIPAL("KT. Hiệu trưởng - Phó hiệu trưởng", "hieu_truong"),
    SCHOOL_SEAL("Con dấu nhà trường", "con_dau");

    private final String title;
    private final String fieldName;

    SignerRole(String title, String fieldName) {
        this.title = title;
        this.fieldName = fieldName;
    }

    /** The title printed under the name on the stamp and used as the signature's /Reason. */
    public String title() {
        return title;
    }

    /** The signature box the documents module reserves for this role. */
    public String fieldName() {
        return fieldName;
    }

    /** The field of a subject teacher's box on a subject result sheet, e.g. {@code gvbm_TOAN}. */
    public static String subjectFieldName(String subjectCode) {
        return SUBJECT_TEACHER.fieldName + "_" + subjectCode;
    }
}
