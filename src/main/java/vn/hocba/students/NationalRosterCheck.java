package vn.hocba.students;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import vn.hocba.common.Rejected;
import vn.hocba.students.NationalRosterRow.Outcome;
import vn.hocba.students.NationalRosterSheet.Field;
import vn.hocba.students.NationalRosterSheet.Line;

/** Checks one row of a national-database export cell by cell and compares it with the stored student. */
final class NationalRosterCheck {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    /** What the check needs to know about the school: its classes of the year and its stored students. */
    interface Known {
        boolean classExists(String code);

        Optional<Student> byCode(String code);

        /** The code of the student who holds {@code nationalId}, if any. */
        Optional<String> nationalIdHolder(String nationalId);

        /** The class the student is enrolled in this year, if any. */
        Optional<String> enrolledClass(StudentId student);
    }

    private final Known known;
    private final LocalDate today;
    private final Map<String, Integer> codesSeen;
    private final Map<String, Integer> idsSeen;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> invalid = new LinkedHashSet<>();

    NationalRosterCheck(Known known, LocalDate today, Map<String, Integer> codesSeen, Map<String, Integer> idsSeen) {
        this.known = known;
        this.today = today;
        this.codesSeen = codesSeen;
        this.idsSeen = idsSeen;
    }

    NationalRosterRow check(Line line) {
        problems.clear();
        invalid.clear();
        String status = line.get(Field.STATUS);
        String statusKey = NationalRosterSheet.key(status);
        if (!statusKey.isEmpty() && !statusKey.equals("dang hoc")) {
            return row(line, Outcome.SKIPPED, List.of("Trạng thái «" + status + "»: chỉ nhập học sinh đang học."), List.of(), null);
        }
        String code = code(line);
        String name = required(line, Field.NAME);
        LocalDate birth = birth(line);
        Sex sex = sex(line);
        String nationalId = nationalId(line, code);
        String classCode = line.get(Field.CLASS);
        if (classCode == null) {
            problem(Field.CLASS, "Lớp: trống; ghi mã lớp của năm học (như 6A1).");
        } else if (!known.classExists(classCode)) {
            problem(Field.CLASS, "Lớp «" + classCode + "» không có trong năm học này; tạo lớp ở bước «Lớp» trước.");
        }
        StudentProfile profile = null;
        if (problems.isEmpty()) {
            try {
                profile = ProfileCheck.normalised(new StudentProfile(code, nationalId, name, sex, birth,
                        line.get(Field.PLACE_OF_BIRTH), line.get(Field.ETHNICITY), line.get(Field.POLICY),
                        line.get(Field.ADDRESS), parent(line, Field.FATHER, Field.FATHER_JOB),
                        parent(line, Field.MOTHER, Field.MOTHER_JOB), null), today);
            } catch (Rejected e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            return row(line, Outcome.INVALID, List.copyOf(problems), List.of(), null);
        }
        return compare(line, profile, classCode);
    }

    private NationalRosterRow compare(Line line, StudentProfile profile, String classCode) {
        Optional<Student> stored = known.byCode(profile.code());
        if (profile.nationalId() != null) {
            Optional<String> holder = known.nationalIdHolder(profile.nationalId());
            if (holder.isPresent() && !holder.get().equals(profile.code())) {
                problem(Field.NATIONAL_ID, "Số định danh cá nhân " + profile.nationalId() + " đã được ghi cho học sinh "
                        + holder.get() + ".");
            }
        }
        stored.flatMap(s -> known.enrolledClass(s.id())).filter(c -> !c.equals(classCode)).ifPresent(c ->
                problem(Field.CLASS, "Học sinh " + profile.code() + " đã có tên trong lớp " + c + " năm học này; "
                        + "chuyển lớp ở trang «Học sinh», không qua tệp nhập."));
        if (!problems.isEmpty()) {
            return row(line, Outcome.INVALID, List.copyOf(problems), List.of(), null);
        }
        if (stored.isEmpty()) {
            return row(line, Outcome.NEW, List.of(), List.of(), profile);
        }
        List<String> changes = changes(stored.get().profile(), profile);
        return row(line, changes.isEmpty() ? Outcome.UNCHANGED : Outcome.CHANGED, List.of(), changes, profile);
    }

    /** The profile fields the export carries that differ: "Dân tộc: Kinh → Tày". */
    static List<String> changes(StudentProfile old, StudentProfile now) {
        List<String> changes = new ArrayList<>();
        diff(changes, "Họ tên", old, now, StudentProfile::fullName);
        diff(changes, "Ngày sinh", old, now, p -> p.dateOfBirth().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        diff(changes, "Giới tính", old, now, p -> p.sex().label());
        diff(changes, "Dân tộc", old, now, StudentProfile::ethnicity);
        diff(changes, "Số định danh cá nhân", old, now, StudentProfile::nationalId);
        diff(changes, "Nơi sinh", old, now, StudentProfile::placeOfBirth);
        diff(changes, "Địa chỉ", old, now, StudentProfile::address);
        return changes;
    }

    private static void diff(List<String> changes, String label, StudentProfile old, StudentProfile now,
            Function<StudentProfile, String> value) {
        String before = value.apply(old);
        String after = value.apply(now);
        if (after != null && !Objects.equals(before, after)) {
            changes.add(label + ": " + (before == null ? "(trống)" : before) + " → " + after);
        }
    }

    private String code(Line line) {
        String code = required(line, Field.CODE);
        if (code == null) {
            return null;
        }
        if (!code.matches("[A-Za-z0-9_-]{1,20}")) {
            problem(Field.CODE, "Mã học sinh «" + code + "»: cần 1–20 chữ cái không dấu, chữ số, '_' hoặc '-'.");
        } else if (codesSeen.putIfAbsent(code, line.row()) != null) {
            problem(Field.CODE, "Mã học sinh " + code + " đã có ở dòng " + codesSeen.get(code) + " của tệp.");
        }
        return code;
    }

    private LocalDate birth(Line line) {
        String text = required(line, Field.BIRTH);
        if (text == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.replace('-', '/').replace('.', '/'), DAY);
            if (!date.isBefore(today.minusYears(4)) || date.isBefore(today.minusYears(40))) {
                problem(Field.BIRTH, "Ngày sinh «" + text + "»: không hợp lý cho học sinh phổ thông.");
            }
            return date;
        } catch (DateTimeParseException e) {
            problem(Field.BIRTH, "Ngày sinh «" + text + "»: không phải ngày có thật (ghi ngày/tháng/năm, như 05/09/2014).");
            return null;
        }
    }

    private Sex sex(Line line) {
        String text = required(line, Field.SEX);
        return switch (NationalRosterSheet.key(text)) {
            case "nam" -> Sex.NAM;
            case "nu" -> Sex.NU;
            case "" -> null;
            default -> {
                problem(Field.SEX, "Giới tính «" + text + "»: ghi Nam hoặc Nữ.");
                yield null;
            }
        };
    }

    private String nationalId(Line line, String code) {
        String id = line.get(Field.NATIONAL_ID);
        if (id == null) {
            return null;
        }
        if (!id.matches("\\d{12}")) {
            problem(Field.NATIONAL_ID, "Số định danh cá nhân «" + id + "»: phải gồm đúng 12 chữ số.");
        } else if (idsSeen.putIfAbsent(id, line.row()) != null) {
            problem(Field.NATIONAL_ID, "Số định danh cá nhân " + id + " đã có ở dòng " + idsSeen.get(id) + " của tệp.");
        }
        return id;
    }

    private String required(Line line, Field field) {
        String value = line.get(field);
        if (value == null) {
            problem(field, field.header() + ": trống; cột này bắt buộc.");
        }
        return value;
    }

    private static StudentProfile.Parent parent(Line line, Field name, Field job) {
        return line.get(name) == null ? null : new StudentProfile.Parent(line.get(name), line.get(job));
    }

    private void problem(Field field, String message) {
        problems.add(message);
        invalid.add(field.header());
    }

    private NationalRosterRow row(Line line, Outcome outcome, List<String> reasons, List<String> changes, StudentProfile profile) {
        return new NationalRosterRow(line.row(), line.get(Field.CODE), line.get(Field.NAME), line.get(Field.BIRTH),
                line.get(Field.SEX), line.get(Field.ETHNICITY), line.get(Field.NATIONAL_ID), line.get(Field.CLASS),
                line.get(Field.STATUS), outcome, reasons, changes, Set.copyOf(invalid), profile);
    }
}
