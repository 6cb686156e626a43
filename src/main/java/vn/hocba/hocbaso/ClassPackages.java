package vn.hocba.hocbaso;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.hocba.common.Sha256;
import vn.hocba.pades.SigningCredential;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.storage.ObjectStore;
import vn.hocba.storage.StoredObject;

/**
 * The class package of the released records: the latest version of every student's record that is
 * signed in every slot, with the manifest signed by the school's issuing certificate
 * ({@link ClassPackage}). Stored once per set of records ({@code hocbaso/<class id>/package-<key>.zip}),
 * so the export zip and the submission to the national store carry the same bytes, and building it again
 * for the same records returns the stored package (never a second submission of the same records).
 */
@Service
public class ClassPackages {

    /** A stored package: its object, the bytes, and how many records it holds. */
    public record Built(String fileName, String key, String sha256, byte[] zip, int records) {
    }

    private final SignedRecords records;
    private final ObjectStore objects;
    private final SchoolDirectory directory;

    ClassPackages(SignedRecords records, ObjectStore objects, SchoolDirectory directory) {
        this.records = records;
        this.objects = objects;
        this.directory = directory;
    }

    /** The package of the class's released records; empty when no record is signed in every slot. */
    public Optional<Built> current(ClassId classId, SigningCredential issuer) {
        return of(classId, null, issuer);
    }

    /**
     * The package of one student's released record (a re-issue after a correction sends only that record);
     * empty when it is not signed in every slot.
     */
    public Optional<Built> ofStudent(ClassId classId, long studentId, SigningCredential issuer) {
        return of(classId, studentId, issuer);
    }

    private Optional<Built> of(ClassId classId, Long onlyStudent, SigningCredential issuer) {
        List<SignedRecords.StoredRecord> released = records.latestOfClass(classId).stream()
                .filter(SignedRecords.StoredRecord::complete)
                .filter(r -> onlyStudent == null || r.studentId() == onlyStudent).toList();
        if (released.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder what = new StringBuilder();
        released.forEach(r -> what.append(r.studentId()).append(' ').append(r.sha256()).append('\n'));
        SchoolClass schoolClass = directory.schoolClass(classId);
        String fileName = schoolClass.code() + (onlyStudent == null ? "" : "-" + onlyStudent) + ".hocbaso-package.zip";
        String key = "hocbaso/" + classId.value() + "/package-" + Sha256.hex(what.toString()).substring(0, 24) + ".zip";
        Optional<StoredObject> stored = objects.stat(key);
        if (stored.isPresent()) {
            byte[] zip = objects.read(key, stored.get().sha256(), fileName);
            return Optional.of(new Built(fileName, key, stored.get().sha256(), zip, released.size()));
        }
        List<ClassPackage.Entry> entries = new ArrayList<>();
        for (SignedRecords.StoredRecord r : released) {
            entries.add(ClassPackage.released(records.read(r), r.slotsSigned(), r.slotsTotal()));
        }
        String label = directory.year(schoolClass.yearId()).name() + "-" + schoolClass.code();
        byte[] zip = ClassPackage.buildChecked(label, entries, issuer);
        StoredObject put = objects.put(key, fileName, out -> out.write(zip));
        return Optional.of(new Built(fileName, key, put.sha256(), zip, released.size()));
    }
}
