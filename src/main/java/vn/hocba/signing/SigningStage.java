package vn.hocba.signing;

import vn.hocba.pades.SignerRole;

/** The signature stages of a year document, in order; each stage's result is a file of its own. */
public enum SigningStage {
    SUBJECT_TEACHER("1-gvbm.pdf", SignerRole.SUBJECT_TEACHER),
    HOMEROOM_TEACHER("2-gvcn.pdf", SignerRole.HOMEROOM_TEACHER),
    PRINCIPAL("3-hieu-truong.pdf", SignerRole.PRINCIPAL),
    SCHOOL_SEAL("4-con-dau.pdf", SignerRole.SCHOOL_SEAL),
    /** The long-term extension (/DSS and a document time-stamp): no person signs. */
    LONG_TERM("5-lta.pdf", null);

    private final String fileName;
    private final SignerRole role;

    SigningStage(String fileName, SignerRole role) {
        this.fileName = fileName;
        this.role = role;
    }

    public String fileName() {
        return fileName;
    }

    /**
     * The file of signer {@code part} (1-based) of this stage: co-teachers of an integrated subject
     * each sign the subject's sheet in turn, {@code 1-gvbm.pdf}, then {@code 1-gvbm-2.pdf}, ...
     */
    public String fileName(int part) {
        return part <= 1 ? fileName : fileName.replace(".pdf", "-" + part + ".pdf");
    }

    /** The stage as recorded in {@code document_signature}: {@code SUBJECT_TEACHER}, {@code SUBJECT_TEACHER_2}, ... */
    public String key(int part) {
        return part <= 1 ? name() : name() + "_" + part;
    }

    /** The signer's role at this stage; null for {@link #LONG_TERM}. */
    public SignerRole role() {
        return role;
    }
}
