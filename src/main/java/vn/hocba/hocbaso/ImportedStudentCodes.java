package vn.hocba.hocbaso;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.audit.AuditLog;
import vn.hocba.audit.AuditRecord;
import vn.hocba.students.NationalCodesImported;
import vn.hocba.students.StudentId;

/**
 * The national import's "Mã học sinh" is the sector database's student code (nguoi_hoc_id of a học bạ số
 * record): it fills {@code hocbaso_student_code} in the import's own transaction, replacing a temporary code
 * and keeping the register number (số đăng bộ). A code the record could not carry is left out and named
 * in the audit entry.
 */
@Component
class ImportedStudentCodes {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    ImportedStudentCodes(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @EventListener
    @Transactional
    public void record(NationalCodesImported imported) {
        int written = 0;
        List<String> refused = new ArrayList<>();
        for (Map.Entry<StudentId, String> e : imported.codes().entrySet()) {
            String code = e.getValue() == null ? "" : e.getValue().strip();
            if (!code.matches(StudentIdentifiers.MOET_CODE)) {
                refused.add(code);
                continue;
            }
            long student = e.getKey().value();
            int updated = jdbc.sql("update hocbaso_student_code set moet_code = ?, temporary_code = false where student_id = ?")
                    .params(code, student).update();
            if (updated == 0) {
                jdbc.sql("insert into hocbaso_student_code (student_id, moet_code, temporary_code, register_number) values (?, ?, false, null)")
                        .params(student, code).update();
            }
            written++;
        }
        if (written > 0 || !refused.isEmpty()) {
            audit.append(new AuditRecord(imported.by(), "HOCBASO_STUDENT_CODES_IMPORTED", "hocbaso_student_code", null,
                    written + " mã học sinh CSDL ngành", refused.isEmpty() ? null : "không hợp lệ: " + String.join(", ", refused), null));
        }
    }
}
