package vn.hocba.students;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.audit.Actor;
import vn.hocba.audit.AuditLog;
import vn.hocba.audit.AuditRecord;
import vn.hocba.common.Rejected;
import vn.hocba.common.Sha256;
import vn.hocba.schoolyear.AcademicYear;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.SchoolYearId;
import vn.hocba.students.NationalRosterRow.Outcome;

/**
 * Imports the students of a school year from the national education database's export (issue 15,
 * item 8): a preview first (new, changed, unchanged, skipped, invalid with the reason per cell), kept
 * 30 minutes in the database; then the apply, all or nothing: refused while any row is invalid, and
 * every row is checked again by {@link StudentRegistry} and {@link StudentProfiles} inside one
 * transaction, so a refusal on row 29 leaves rows 1–28 unwritten.
 */
@Service
@Transactional
public class NationalRosterImport {

    static final Duration LIFETIME = Duration.ofMinutes(30);
    private static final TypeReference<List<NationalRosterRow>> ROWS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final SchoolDirectory directory;
    private final StudentRegistry registry;
    private final StudentProfiles profiles;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    NationalRosterImport(JdbcClient jdbc, SchoolDirectory directory, StudentRegistry registry, StudentProfiles profiles,
            AuditLog audit, ObjectMapper json, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.registry = registry;
        this.profiles = profiles;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.events = events;
    }

    /** Reads the file and keeps what the import would do, for {@code username} to apply. Writes no student. */
    public NationalRosterPreview preview(SchoolYearId year, byte[] file, String username) {
        AcademicYear target = directory.year(year);
        List<NationalRosterSheet.Line> lines = NationalRosterSheet.read(file);
        if (lines.isEmpty()) {
            throw Rejected.invalid("Tệp không có học sinh nào dưới dòng tiêu đề.");
        }
        NationalRosterCheck check = new NationalRosterCheck(known(target), LocalDate.now(clock), new HashMap<>(), new HashMap<>());
        List<NationalRosterRow> rows = new ArrayList<>();
        lines.forEach(line -> rows.add(check.check(line)));
        NationalRosterPreview preview = new NationalRosterPreview(UUID.randomUUID().toString(), year.value(),
                Sha256.hex(file), rows);
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.sql("delete from student_import_preview where expires_at < ?").param(now).update();
        jdbc.sql("insert into student_import_preview (id, username, school_year_id, sha256, rows_json, created_at, expires_at) "
                + "values (?, ?, ?, ?, ?, ?, ?)").params(preview.id(), username, year.value(), preview.sha256(), write(rows),
                now, now.plus(LIFETIME)).update();
        return preview;
    }

    /** The stored preview {@code id} of {@code username}, to show it again. */
    @Transactional(readOnly = true)
    public NationalRosterPreview stored(String id, String username) {
        return jdbc.sql("select * from student_import_preview where id = ? and username = ? and expires_at >= ?")
                .params(id, username, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .query((rs, n) -> new NationalRosterPreview(rs.getString("id"), rs.getLong("school_year_id"),
                        rs.getString("sha256"), read(rs.getString("rows_json")))).optional()
                .orElseThrow(() -> Rejected.notFound("Không còn bản xem trước này (chỉ giữ " + LIFETIME.toMinutes()
                        + " phút và chỉ ghi được một lần); hãy tải tệp lên lại."));
    }

    /** Writes every new and changed student and enrols each in its class; nothing at all when one row fails. */
    public NationalRosterPreview apply(String id, String username, Actor by) {
        NationalRosterPreview preview = stored(id, username);
        jdbc.sql("delete from student_import_preview where id = ?").param(id).update();
        if (preview.count(Outcome.INVALID) > 0) {
            throw Rejected.conflict("Tệp có " + preview.count(Outcome.INVALID) + " dòng không hợp lệ: chưa ghi học sinh nào. "
                    + "Sửa các dòng đó trong tệp rồi tải lên lại.");
        }
        AcademicYear year = directory.year(new SchoolYearId(preview.yearId()));
        Map<StudentId, String> codes = new LinkedHashMap<>();
        for (NationalRosterRow row : preview.rows()) {
            if (row.outcome() == Outcome.SKIPPED) {
                continue;
            }
            SchoolClass schoolClass = directory.classByCode(year.id(), row.classCode()).orElseThrow(() -> Rejected.notFound(
                    "Dòng " + row.row() + ": lớp " + row.classCode() + " không còn trong năm học " + year.name() + "; chưa ghi gì."));
            StudentId student = switch (row.outcome()) {
                case NEW -> registry.register(year.schoolId(), row.profile());
                case CHANGED -> profiles.update(existing(year, row), row.profile(), by);
                default -> existing(year, row);
            };
            if (enrolledClass(student, year.id()).isEmpty()) {
                registry.enrol(student, schoolClass.id());
            }
            codes.put(student, row.code());
        }
        events.publishEvent(new NationalCodesImported(codes, by));
        audit.append(new AuditRecord(by, "STUDENTS_IMPORTED", "school_year " + year.id().value(), null,
                preview.count(Outcome.NEW) + " new, " + preview.count(Outcome.CHANGED) + " changed, "
                        + preview.count(Outcome.UNCHANGED) + " unchanged", "national database export sha256 " + preview.sha256(), null));
        return preview;
    }

    private StudentId existing(AcademicYear year, NationalRosterRow row) {
        return registry.byCode(year.schoolId(), row.code()).map(Student::id).orElseThrow(() -> Rejected.conflict(
                "Dòng " + row.row() + ": học sinh " + row.code() + " không còn trong trường; hãy tải tệp lên lại."));
    }

    private Optional<String> enrolledClass(StudentId student, SchoolYearId year) {
        return jdbc.sql("select c.code from enrolment e join school_class c on c.id = e.class_id "
                + "where e.student_id = ? and e.school_year_id = ?").params(student.value(), year.value()).query(String.class).optional();
    }

    private NationalRosterCheck.Known known(AcademicYear year) {
        return new NationalRosterCheck.Known() {
            @Override
            public boolean classExists(String code) {
                return directory.classByCode(year.id(), code).isPresent();
            }

            @Override
            public Optional<Student> byCode(String code) {
                return registry.byCode(year.schoolId(), code);
            }

            @Override
            public Optional<String> nationalIdHolder(String nationalId) {
                return jdbc.sql("select code from student where national_id = ?").param(nationalId).query(String.class).optional();
            }

            @Override
            public Optional<String> enrolledClass(StudentId student) {
                return NationalRosterImport.this.enrolledClass(student, year.id());
            }
        };
    }

    private String write(List<NationalRosterRow> rows) {
        try {
            return json.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<NationalRosterRow> read(String text) {
        try {
            return json.readValue(text, ROWS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
