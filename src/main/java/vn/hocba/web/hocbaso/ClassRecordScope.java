package vn.hocba.web.hocbaso;

import org.springframework.stereotype.Component;
import vn.hocba.common.Rejected;
import vn.hocba.hocbaso.StoreSubmissions;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.students.StudentRegistry;

/**
 * What a clerk's request names must belong to the class in its address, the class whose page shows it: a
 * student on the class's roster, a học bạ số record the store accepted from a package of that class. The
 * services act on what they are given: a recall asked through another class's address was filed, shown and
 * audited under that class, while the class the record came from never showed it recalled.
 */
@Component
class ClassRecordScope {

    private final StudentRegistry students;
    private final StoreSubmissions store;
    private final SchoolDirectory directory;

    ClassRecordScope(StudentRegistry students, StoreSubmissions store, SchoolDirectory directory) {
        this.students = students;
        this.store = store;
        this.directory = directory;
    }

    void requireEnrolled(long classId, long studentId) {
        if (students.roster(new ClassId(classId)).stream().noneMatch(e -> e.student().id().value() == studentId)) {
            throw Rejected.notFound("Học sinh mã số " + studentId + " không học lớp " + code(classId) + ".");
        }
    }

    void requireAcceptedFrom(long classId, String nationalId) {
        if (nationalId == null || nationalId.isBlank()) {
            throw Rejected.invalid("Hãy ghi mã định danh học bạ (kho cấp khi chấp nhận) của học bạ số cần thu hồi.");
        }
        boolean fromHere = store.ofClass(new ClassId(classId)).stream().filter(s -> "01".equals(s.purpose()))
                .flatMap(s -> s.records().stream())
                .anyMatch(r -> "01".equals(r.result()) && nationalId.strip().equals(r.nationalId()));
        if (!fromHere) {
            throw Rejected.notFound("Kho chưa chấp nhận học bạ số nào có mã định danh " + nationalId.strip()
                    + " gửi từ lớp " + code(classId) + "; chỉ thu hồi được học bạ số đã gửi từ chính lớp này. Hãy thu hồi "
                    + "ở trang học bạ số của lớp đã gửi học bạ đó.");
        }
    }

    private String code(long classId) {
        return directory.schoolClass(new ClassId(classId)).code();
    }
}
