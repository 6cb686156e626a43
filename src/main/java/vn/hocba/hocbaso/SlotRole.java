package vn.hocba.hocbaso;

import vn.hocba.pades.SignerRole;

/** The four kinds of signature slot of a record, in signing order. */
public enum SlotRole {
    SUBJECT_TEACHER(HocBaSoProfile.SUBJECT_SLOT, "Giáo viên bộ môn", SignerRole.SUBJECT_TEACHER),
    HOMEROOM_TEACHER(HocBaSoProfile.HOMEROOM_SLOT, "Giáo viên chủ nhiệm", SignerRole.HOMEROOM_TEACHER),
    PRINCIPAL(HocBaSoProfile.PRINCIPAL_SLOT, "Hiệu trưởng (cán bộ quản lý)", SignerRole.PRINCIPAL),
    ISSUER(HocBaSoProfile.ISSUER_SLOT, "Chứng thư số phát hành của nhà trường", SignerRole.SCHOOL_SEAL);

    /** {@link #values()} once: {@link #ofElement} runs for every element of a record at each walk of its slots. */
    private static final SlotRole[] ALL = values();

    private final String element;
    private final String title;
    private final SignerRole signerRole;

    SlotRole(String element, String title, SignerRole signerRole) {
        this.element = element;
        this.title = title;
        this.signerRole = signerRole;
    }

    /** The slot's element name in the profile. */
    public String element() {
        return element;
    }

    public String title() {
        return title;
    }

    /** The same role in the PDF signatures (the credential is looked up by it). */
    public SignerRole signerRole() {
        return signerRole;
    }

    static SlotRole ofElement(String name) {
        for (SlotRole r : ALL) {
            if (r.element.equals(name)) {
                return r;
            }
        }
        return null;
    }
}
