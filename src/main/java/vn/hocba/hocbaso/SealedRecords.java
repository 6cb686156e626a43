package vn.hocba.hocbaso;

import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.hocba.documents.SourceAttachment;
import vn.hocba.schoolyear.ClassId;

/**
 * The fully signed học bạ số record a transcript carries once it is sealed (issue 17 item 2): the school seal
 * step signs every record's KY_PHAT_HANH slot first, then adds the student's record, signed in every slot,
 * to the transcript as a second {@code Source} associated file ({@link #FILE_SUFFIX}) in an incremental
 * update right before the seal's own PDF signature, which therefore covers it. The record embedded when the
 * transcript was generated (subject teachers' slots only) stays in the earlier revisions untouched.
 */
@Component
public class SealedRecords {

    /** The embedded file's name after the student code: {@code HS6A1001-hocbaso-da-ky.xml}. */
    public static final String FILE_SUFFIX = "-hocbaso-da-ky.xml";

    private final SignedRecords records;

    SealedRecords(SignedRecords records) {
        this.records = records;
    }

    /** The student's latest record of the class when it is signed in every slot; empty otherwise. */
    public Optional<SourceAttachment> fullySigned(ClassId classId, long studentId) {
        return records.latest(classId, studentId).filter(SignedRecords.StoredRecord::complete).map(r -> {
            byte[] xml = records.read(r);
            return new SourceAttachment(studentCode(xml) + FILE_SUFFIX, "Học bạ số (" + HocBaSoProfile.PROFILE + " "
                    + HocBaSoProfile.VERSION + ") phiên bản " + r.version() + ", đã ký đủ " + r.slotsSigned() + "/"
                    + r.slotsTotal() + " ô, kể cả chứng thư phát hành của trường", xml);
        });
    }

    /** True when {@code name} is the name of an embedded fully signed record. */
    public static boolean isFullySignedName(String name) {
        return name != null && name.endsWith(FILE_SUFFIX);
    }

    static String studentCode(byte[] xml) {
        return RecordStudentCode.of(xml);
    }
}
