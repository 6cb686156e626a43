package vn.hocba.security;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.hocba.audit.Actor;
import vn.hocba.common.Rejected;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.ColumnRange;
import vn.hocba.schoolyear.HomeroomAssignment;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.AcademicYear;
import vn.hocba.schoolyear.Staff;
import vn.hocba.schoolyear.SubjectId;
import vn.hocba.schoolyear.TeachingAssignment;

/**
 * Decides, on the server, what the person behind the current request may do. Every controller
 * calls one of the {@code require…} methods before touching data; a refusal is a
 * {@link Rejected} FORBIDDEN (HTTP 403) saying what is refused and why.
 */
@Service
public class AccessPolicy {

    private static final String VIEWER = Viewer.class.getName();

    private final SchoolDirectory directory;

    public AccessPolicy(SchoolDirectory directory) {
        this.directory = directory;
    }

    /** The person behind the current request. */
    public Viewer current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof HocBaUser user)) {
            throw Rejected.forbidden("Bạn cần đăng nhập.");
        }
        return viewerOf(user.account());
    }

    /**
     * The rights of {@code account} in the active school year of its school. An admin board
     * account gets none from assignments: the board makes them, so it never holds them (issue 13).
     * Built once per web request and kept for the rest of it.
     */
    public Viewer viewerOf(Account account) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return built(account);
        }
        // One request asks several times (the controller's check, the page frame's menu): build it once.
        if (request.getAttribute(VIEWER, RequestAttributes.SCOPE_REQUEST) instanceof Viewer known && known.account().equals(account)) {
            return known;
        }
        Viewer viewer = built(account);
        request.setAttribute(VIEWER, viewer, RequestAttributes.SCOPE_REQUEST);
        return viewer;
    }

    private Viewer built(Account account) {
        if (account.staffId() == null || account.roles().contains(Role.ADMIN_BOARD)) {
            return new Viewer(account, List.of(), List.of());
        }
        Staff staff = directory.staffMember(account.staffId());
        return directory.activeYear(directory.schoolOf(staff.id()))
                .map(year -> viewerIn(account, staff, year))
                .orElse(new Viewer(account, List.of(), List.of()));
    }

    public Viewer requireSetup() {
        Viewer viewer = current();
        if (!viewer.has(Role.ADMIN_BOARD)) {
            throw Rejected.forbidden("Chỉ Ban quản trị được thay đổi thiết lập năm học (lớp, môn, phân công, học sinh).");
        }
        return viewer;
    }

    public Viewer requireReadClass(ClassId schoolClass) {
        Viewer viewer = current();
        if (!viewer.canReadClass(schoolClass)) {
            SchoolClass target = directory.schoolClass(schoolClass);
            throw Rejected.forbidden("Bạn không được phân công chủ nhiệm hay giảng dạy lớp " + target.code()
                    + " nên không xem được dữ liệu của lớp này.");
        }
        return viewer;
    }

    /**
     * Reading the marks, comments or results of one subject of a class: school-wide roles, the
     * homeroom teacher, and the subject's own teachers — not the class's other subject teachers.
     */
    public Viewer requireReadSubject(ClassId schoolClass, SubjectId subject) {
        Viewer viewer = requireReadClass(schoolClass);
        if (!viewer.seesSubject(schoolClass, subject)) {
            SchoolClass target = directory.schoolClass(schoolClass);
            String name = directory.gradeSubjects(target.yearId(), target.grade()).stream()
                    .filter(g -> g.subject().id().equals(subject)).map(g -> "môn " + g.subject().name()).findFirst()
                    .orElse("môn này");
            throw Rejected.forbidden("Bạn không dạy " + name + " ở lớp " + target.code()
                    + " nên không xem được điểm và kết quả của môn này; giáo viên bộ môn chỉ xem môn mình dạy.");
        }
        return viewer;
    }

    /**
     * Reading what covers every subject of a class or the students' full profiles ({@code what}):
     * school-wide roles and the homeroom teacher; a subject teacher of the class gets 403.
     */
    public Viewer requireReadWholeClass(ClassId schoolClass, String what) {
        Viewer viewer = requireReadClass(schoolClass);
        if (!viewer.seesWholeClass(schoolClass)) {
            throw Rejected.forbidden("Giáo viên bộ môn chỉ xem điểm và kết quả môn mình dạy ở lớp "
                    + directory.schoolClass(schoolClass).code() + "; " + what
                    + " chỉ giáo viên chủ nhiệm và lãnh đạo nhà trường xem được.");
        }
        return viewer;
    }

    /** Marks of one subject in one class: only its assigned subject teacher(s). */
    public Viewer requireTeaching(ClassId schoolClass, SubjectId subject) {
        Viewer viewer = current();
        if (!viewer.teaches(schoolClass, subject)) {
            SchoolClass target = directory.schoolClass(schoolClass);
            throw Rejected.forbidden("Bạn không được phân công dạy môn này ở lớp " + target.code()
                    + " nên không được nhập hay sửa điểm.");
        }
        return viewer;
    }

    /**
     * A regular column of a subject shared by co-teachers (seed 000: history columns 1–2, geography 3–4): only
     * the teacher whose assigned range holds it, as in mark entry. Mid-term and end-of-term marks have no range.
     */
    public Viewer requireTeachingColumn(ClassId schoolClass, SubjectId subject, int regularColumn) {
        Viewer viewer = requireTeaching(schoolClass, subject);
        List<ColumnRange> columns = viewer.columns(schoolClass, subject);
        if (columns.stream().noneMatch(r -> r.contains(regularColumn))) {
            throw Rejected.forbidden("Điểm thường xuyên cột " + regularColumn + " lớp " + directory.schoolClass(schoolClass).code()
                    + " không thuộc phần bạn được phân công (" + columns.stream().map(ColumnRange::toString)
                            .collect(Collectors.joining(", "))
                    + ") nên bạn không đề nghị sửa được; giáo viên dạy cột này gửi đề nghị.");
        }
        return viewer;
    }

    /** Attendance, conduct and comments of a class: only its homeroom teacher. */
    public Viewer requireHomeroom(ClassId schoolClass) {
        Viewer viewer = current();
        if (!viewer.isHomeroomTeacherOf(schoolClass)) {
            throw Rejected.forbidden("Chỉ giáo viên chủ nhiệm lớp " + directory.schoolClass(schoolClass).code()
                    + " được ghi điểm danh, kết quả rèn luyện và nhận xét chủ nhiệm của lớp.");
        }
        return viewer;
    }

    /** The current person as an audit actor acting in {@code role}, with the client's address. */
    public Actor actor(Viewer viewer, Role role) {
        String address = null;
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            address = request.getRequest().getRemoteAddr();
        }
        return new Actor(viewer.account().username(), role.name(), address);
    }

    /**
     * Issuing a class's documents (gradebook, transcripts, report cards): principal, vice
     * principal, clerk (văn thư), or the class's homeroom teacher.
     */
    public Viewer requireDocumentIssuing(ClassId schoolClass) {
        Viewer viewer = current();
        boolean office = viewer.has(Role.PRINCIPAL) || viewer.has(Role.VICE_PRINCIPAL) || viewer.has(Role.CLERK);
        if (!office && !viewer.isHomeroomTeacherOf(schoolClass)) {
            throw Rejected.forbidden("Chỉ Hiệu trưởng, Phó hiệu trưởng, văn thư hoặc giáo viên chủ nhiệm lớp "
                    + directory.schoolClass(schoolClass).code() + " được tạo học bạ, sổ theo dõi và phiếu liên lạc của lớp.");
        }
        return viewer;
    }

    /** Approvals only the principal gives (corrections, term and year results); {@code what} names them. */
    public Viewer requirePrincipal(String what) {
        Viewer viewer = current();
        if (!viewer.has(Role.PRINCIPAL)) {
            throw Rejected.forbidden("Chỉ Hiệu trưởng " + what + ".");
        }
        return viewer;
    }

    /** Locks and unlocks: principal or vice principal (seed 000 §VIII). */
    public Viewer requireLocking() {
        Viewer viewer = current();
        if (!viewer.has(Role.PRINCIPAL) && !viewer.has(Role.VICE_PRINCIPAL)) {
            throw Rejected.forbidden("Chỉ Hiệu trưởng hoặc Phó hiệu trưởng được khoá và mở khoá sổ điểm.");
        }
        return viewer;
    }

    private Viewer viewerIn(Account account, Staff staff, AcademicYear year) {
        List<HomeroomAssignment> homerooms = directory.homeroomAssignments(year.id()).stream()
                .filter(h -> h.teacher().id().equals(staff.id())).toList();
        List<TeachingAssignment> teaching = directory.teachingAssignmentsOfTeacher(staff.id(), year.id());
        return new Viewer(account, homerooms, teaching);
    }
}
