package vn.hocba.hocbaso;

/**
 * Every name of the provisional profile {@code hocbaso-thcs} "provisional-1" in one place: the
 * element and attribute names of the record and of the class package manifest, the ids of the
 * regions that signatures cover, and the schema that validates them. When the official XSD
 * arrives, this class and {@link #SCHEMA} are what change (README "Học bạ số").
 */
public final class HocBaSoProfile {

    public static final String PROFILE = "hocbaso-thcs";
    public static final String VERSION = "provisional-1";
    /** Classpath resource of the profile's schema. */
    public static final String SCHEMA = "formats/hocbaso-thcs-provisional-1.xsd";
    /** The national store's code for THCS (cap_hoc_id). */
    public static final String LEVEL_THCS = "03";

    // root and regions
    public static final String ROOT = "HOC_BA";
    public static final String ATTR_PROFILE = "HO_SO";
    public static final String ATTR_VERSION = "PHIEN_BAN";
    public static final String ID = "Id";
    public static final String DATA = "DU_LIEU_HOC_BA";
    public static final String DATA_ID = "data";
    public static final String INFO = "THONG_TIN_HOC_BA";
    public static final String INFO_ID = "thongtinhocba";

    // record, school, class
    public static final String START_YEAR = "NAM_BAT_DAU";
    public static final String END_YEAR = "NAM_KET_THUC";
    public static final String CLASS_NAME = "TEN_LOP_HOC";
    public static final String GRADE = "KHOI_LOP_HOC_ID";
    public static final String LEVEL = "CAP_HOC_ID";
    public static final String REGISTER_NUMBER = "SO_SO_DANG_BO";
    public static final String ISSUE_DATE = "NGAY_KY_PHAT_HANH";
    public static final String SCHOOL = "CO_SO_GIAO_DUC";
    public static final String SCHOOL_ID = "CO_SO_GIAO_DUC_ID";
    public static final String NAME = "TEN";
    public static final String AUTHORITY = "CO_QUAN_CHU_QUAN";
    public static final String DISTRICT = "QUAN_HUYEN";
    public static final String PROVINCE = "TINH_THANH_PHO";

    // student
    public static final String STUDENT = "NGUOI_HOC";
    public static final String STUDENT_ID = "NGUOI_HOC_ID";
    public static final String ATTR_TEMPORARY = "LA_MA_TAM";
    public static final String PERSONAL_ID = "SO_DINH_DANH_CA_NHAN";
    public static final String SCHOOL_STUDENT_CODE = "MA_HOC_SINH";
    public static final String FULL_NAME = "HO_VA_TEN";
    public static final String BIRTH_DATE = "NGAY_SINH";
    public static final String SEX = "GIOI_TINH";
    public static final String ETHNICITY = "DAN_TOC";
    public static final String BIRTHPLACE = "NOI_SINH";
    public static final String POLICY = "DIEN_CHINH_SACH";
    public static final String ADDRESS = "DIA_CHI_THUONG_TRU";
    public static final String FATHER = "CHA";
    public static final String MOTHER = "ME";
    public static final String GUARDIAN = "NGUOI_GIAM_HO";
    public static final String OCCUPATION = "NGHE_NGHIEP";

    // year summary
    public static final String SUMMARY = "TONG_KET_HOC_BA";
    public static final String CONDUCT_1 = "KET_QUA_REN_LUYEN_KY_1";
    public static final String CONDUCT_2 = "KET_QUA_REN_LUYEN_KY_2";
    public static final String CONDUCT_YEAR = "KET_QUA_REN_LUYEN_CA_NAM";
    public static final String CONDUCT_SUMMER = "KET_QUA_REN_LUYEN_SAU_HE";
    public static final String LEARNING_1 = "KET_QUA_HOC_TAP_KY_1";
    public static final String LEARNING_2 = "KET_QUA_HOC_TAP_KY_2";
    public static final String LEARNING_YEAR = "KET_QUA_HOC_TAP_CA_NAM";
    public static final String LEARNING_REASSESSED = "KET_QUA_HOC_TAP_SAU_DANH_GIA_LAI";
    public static final String ABSENCES = "SO_BUOI_NGHI_HOC";
    public static final String PROMOTED = "IS_DUOC_LEN_LOP";
    public static final String PROMOTION_TEXT = "NOI_DUNG_LEN_LOP";
    public static final String AWARDS = "KHEN_THUONG";
    public static final String HOMEROOM_COMMENT = "NHAN_XET_TONG_HOP";
    public static final String CORRECTIONS = "SO_CHO_SUA_CHUA";
    public static final String SIGNERS = "NGUOI_KY";
    public static final String HOMEROOM_NAME = "GVCN_HO_VA_TEN";
    public static final String PRINCIPAL_NAME = "CBQL_HO_VA_TEN";
    public static final String PRINCIPAL_POSITION = "CBQL_CHUC_VU";

    // subjects
    public static final String MARKS = "BANG_DIEM";
    public static final String SUBJECT = "DIEM_TONG_KET";
    public static final String SUBJECT_ID = "MON_HOC_ID";
    public static final String SUBJECT_NAME = "TEN_MON_HOC";
    public static final String TERM_1 = "DIEM_HOC_KY_1";
    public static final String TERM_2 = "DIEM_HOC_KY_2";
    public static final String YEAR = "DIEM_CA_NAM";
    public static final String REASSESSED = "DIEM_SAU_DANH_GIA_LAI";
    public static final String COMMENT = "NHAN_XET";
    public static final String TEACHER = "GIAO_VIEN";

    // signature slots
    public static final String SLOTS = "DANH_SACH_THONG_TIN_KY";
    public static final String HOMEROOM_SLOT = "GVCN";
    public static final String SUBJECT_SLOTS = "DANH_SACH_GVBM";
    public static final String SUBJECT_SLOT = "GVBM";
    public static final String ATTR_SIGNER = "HO_VA_TEN";
    public static final String ATTR_COVERS = "THAM_CHIEU";
    public static final String ISSUE = "PHAT_HANH_HOC_BA";
    public static final String PRINCIPAL_SLOT = "CBQL";
    public static final String ISSUER_SLOT = "KY_PHAT_HANH";

    // class package manifest
    public static final String MANIFEST = "GOI_HOC_BA";
    public static final String MANIFEST_CONTENT = "NOI_DUNG_GOI";
    public static final String MANIFEST_ID = "goi";
    public static final String MANIFEST_RECORD = "HOC_BA_TRONG_GOI";
    public static final String ATTR_FILE = "TEP";
    public static final String ATTR_SHA256 = "SHA256";
    public static final String PACKAGE_SIGNATURE = "KY_GOI";

    /** Prefix of a subject's element id, followed by its national subject code ("mon-15"). */
    public static String subjectElementId(String nationalCode) {
        return "mon-" + nationalCode;
    }

    /** Id of a subject teacher's slot: subject code and the teacher's place among co-teachers ("gvbm-97-2"). */
    public static String subjectSlotId(String nationalCode, int teacher) {
        return "gvbm-" + nationalCode + "-" + teacher;
    }

    private HocBaSoProfile() {
    }
}
