package vn.hocba.web.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.hocba.documents.AssessmentScope;
import vn.hocba.documents.ClassDocuments;
import vn.hocba.documents.DocumentKind;
import vn.hocba.documents.IssuedDocument;
import vn.hocba.gradebook.EntryProgress;
import vn.hocba.gradebook.GradebookLock;
import vn.hocba.gradebook.GradebookLocks;
import vn.hocba.gradebook.closing.SignOff;
import vn.hocba.gradebook.closing.SignOffs;
import vn.hocba.gradebook.closing.YearEnd;
import vn.hocba.schoolyear.AcademicYear;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.StaffId;
import vn.hocba.schoolyear.TeachingAssignment;
import vn.hocba.security.Accounts;
import vn.hocba.signing.ExportPackageReceipts;
import vn.hocba.signing.RecordedSignatures;
import vn.hocba.signing.RecordedSignatures.RecordedSignature;

/**
 * The school dashboard's table: one row per class, one cell per stage of the year (mark entry, term
 * closes, year end, documents, signatures, seal, export), each with a short text, whether it is done,
 * and where its detail is. Reads whole-year lists once each (entry progress, locks, sign-offs, year-end stages,
 * documents, signatures, packages), so the number of queries does not grow with the number of classes.
 */
@Component
class SchoolOverview {

    /** One cell: text, done (green) and the page with the detail. */
    record Cell(String text, boolean done, String link) {
    }

    /** One class row. */
    record Row(SchoolClass schoolClass, List<Cell> cells) {
    }

    static final List<String> STAGES = List.of("Nhập điểm HK I", "Nhập điểm HK II", "Chốt HK I", "Chốt HK II", "Cuối năm",
            "Văn bản", "Bảng môn đã ký", "GVCN ký", "Hiệu trưởng ký", "Đóng dấu", "Gói xuất");

    private final SchoolDirectory directory;
    private final Accounts accounts;
    private final GradebookLocks locks;
    private final SignOffs signOffs;
    private final YearEnd yearEnd;
    private final ClassDocuments documents;
    private final RecordedSignatures signatures;
    private final ExportPackageReceipts packages;

    SchoolOverview(SchoolDirectory directory, GradebookLocks locks, SignOffs signOffs,
            YearEnd yearEnd, ClassDocuments documents, RecordedSignatures signatures, ExportPackageReceipts packages,
            Accounts accounts) {
        this.accounts = accounts;
        this.directory = directory;
        this.locks = locks;
        this.signOffs = signOffs;
        this.yearEnd = yearEnd;
        this.documents = documents;
        this.signatures = signatures;
        this.packages = packages;
    }

    /**
     * The rows of the year's classes (of {@code grade} when given), from the entry progress of both terms and a
     * fixed number of whole-year queries: locks, sign-offs, teaching assignments and accounts (who must sign), year-end
     * stages, documents, signatures, packages.
     */
    List<Row> rows(AcademicYear year, Integer grade, List<EntryProgress.Line> termOne, List<EntryProgress.Line> termTwo) {
        Map<String, int[]> term1 = entryByClass(termOne);
        Map<String, int[]> term2 = entryByClass(termTwo);
        List<GradebookLock> all = locks.locks(year.id().value());
        Map<Long, List<SignOff>> signed = signOffs.activeOfYear(year.id()).stream()
                .collect(Collectors.groupingBy(SignOff::classId));
        Map<Long, List<TeachingAssignment>> teaching = directory.teachingAssignmentsOfYear(year.id()).stream()
                .collect(Collectors.groupingBy(t -> t.schoolClass().id().value()));
        Map<StaffId, String> usernames = accounts.usernamesOfStaff();
        Map<Long, YearEnd.Stage> stages = yearEnd.latestOfYear(year.id());
        Map<Long, List<IssuedDocument>> issued = documents.ofYear(year.id());
        Map<Long, Map<String, List<RecordedSignature>>> signatures = issued.isEmpty() ? Map.of() : this.signatures.ofYear(year.id());
        Map<Long, ExportPackageReceipts.PackageState> latestPackages = issued.isEmpty() ? Map.of() : packages.latestOfYear(year.id());
        List<Row> rows = new ArrayList<>();
        for (SchoolClass c : directory.classes(year.id())) {
            if (grade != null && c.grade() != grade) {
                continue;
            }
            long id = c.id().value();
            List<SignOff> ofClass = signed.getOrDefault(id, List.of());
            List<Cell> cells = new ArrayList<>();
            cells.add(entryCell(term1.get(c.code()), "/truong?hk=1#tien-do"));
            cells.add(entryCell(term2.get(c.code()), "/truong?hk=2#tien-do"));
            List<TeachingAssignment> teachingOfClass = teaching.getOrDefault(id, List.of());
            cells.add(termCell(c, 1, all, ofClass, teachingOfClass, usernames));
            cells.add(termCell(c, 2, all, ofClass, teachingOfClass, usernames));
            cells.add(yearEndCell(c, stages.get(id)));
            cells.addAll(documentCells(c, issued.getOrDefault(id, List.of()), signatures.getOrDefault(id, Map.of()),
                    latestPackages.get(id), "/lop/" + id + "/tai-lieu"));
            rows.add(new Row(c, cells));
        }
        return rows;
    }

    private static Map<String, int[]> entryByClass(List<EntryProgress.Line> lines) {
        Map<String, int[]> sums = new HashMap<>();
        for (EntryProgress.Line line : lines) {
            int[] s = sums.computeIfAbsent(line.classCode(), k -> new int[2]);
            s[0] += line.entered();
            s[1] += line.required();
        }
        return sums;
    }

    private static Cell entryCell(int[] sums, String link) {
        if (sums == null || sums[1] == 0) {
            return new Cell("—", false, link);
        }
        BigDecimal share = BigDecimal.valueOf(sums[0] * 100L).divide(BigDecimal.valueOf(sums[1]), 0, RoundingMode.DOWN);
        return new Cell(share + "%", sums[0] >= sums[1], link);
    }

    private static Cell termCell(SchoolClass c, int term, List<GradebookLock> all, List<SignOff> activeOfClass,
            List<TeachingAssignment> teaching, Map<StaffId, String> usernames) {
        boolean locked = all.stream().anyMatch(l -> l.active() && l.term() == term && (l.scope() == GradebookLock.Scope.SCHOOL_TERM
                || l.scope() == GradebookLock.Scope.CLASS_TERM && l.classId() != null && l.classId() == c.id().value()));
        if (locked) {
            return new Cell("Đã khoá", true, "/duyet#locks-title");
        }
        List<SignOff> active = activeOfClass.stream().filter(s -> s.term() == term).toList();
        if (active.stream().anyMatch(s -> s.kind() == SignOff.Kind.HOMEROOM)) {
            return new Cell("Chờ duyệt", false, "/duyet#hoc-ki-" + c.id().value() + "-" + term);
        }
        String link = "/truong/lop/" + c.id().value() + "/quy-trinh";
        Map<Long, Set<String>> signers = active.stream().filter(s -> s.kind() == SignOff.Kind.SUBJECT)
                .collect(Collectors.groupingBy(SignOff::subjectId, Collectors.mapping(SignOff::signedBy, Collectors.toSet())));
        if (signers.isEmpty()) {
            return new Cell("Chưa chốt", false, link);
        }
        // A subject is signed when every teacher assigned to it in the class signed (co-teachers each sign their part).
        Map<Long, List<TeachingAssignment>> bySubject = teaching.stream()
                .collect(Collectors.groupingBy(t -> t.subject().id().value()));
        long signed = bySubject.entrySet().stream().filter(e -> e.getValue().stream()
                .allMatch(t -> signers.getOrDefault(e.getKey(), Set.of()).contains(usernames.get(t.teacher().id())))).count();
        return new Cell("GVBM ký đủ " + signed + "/" + bySubject.size() + " môn", false, link);
    }

    private static Cell yearEndCell(SchoolClass c, YearEnd.Stage stage) {
        String link = "/truong/lop/" + c.id().value() + "/quy-trinh";
        if (stage == null) {
            return new Cell("—", false, link);
        }
        return switch (stage) {
            case PROPOSED -> new Cell("Chờ duyệt", false, "/duyet");
            case APPROVED -> new Cell("Đánh giá lại", false, link);
            case SUMMER -> new Cell("Chờ duyệt lần cuối", false, "/duyet");
            case FINAL -> new Cell("Xong", true, link);
        };
    }

    private static List<Cell> documentCells(SchoolClass c, List<IssuedDocument> ofClass, Map<String, List<RecordedSignature>> signed,
            ExportPackageReceipts.PackageState latest, String link) {
        List<IssuedDocument> year = ofClass.stream()
                .filter(d -> d.scope() == AssessmentScope.YEAR && d.supersededBy().isEmpty()).toList();
        if (year.isEmpty()) {
            Cell none = new Cell("—", false, link);
            return List.of(new Cell("Chưa lập", false, link), none, none, none, none, none, none);
        }
        List<IssuedDocument> sheets = year.stream().filter(d -> d.kind() == DocumentKind.SUBJECT_RESULT_SHEET).toList();
        List<IssuedDocument> signedByPrincipal = year.stream()
                .filter(d -> d.kind() == DocumentKind.TRANSCRIPT || d.kind() == DocumentKind.CLASS_GRADEBOOK).toList();
        List<IssuedDocument> homeroomSigns = year.stream().filter(d -> d.kind() != DocumentKind.SUBJECT_RESULT_SHEET).toList();
        List<Cell> cells = new ArrayList<>();
        cells.add(new Cell(year.size() + " văn bản", true, link));
        cells.add(count(sheets, signed, "SUBJECT_TEACHER", link));
        cells.add(count(homeroomSigns, signed, "HOMEROOM_TEACHER", link));
        cells.add(count(signedByPrincipal, signed, "PRINCIPAL", link));
        cells.add(count(signedByPrincipal, signed, "SCHOOL_SEAL", link));
        String exportLink = "/xuat/lop/" + c.id().value();
        cells.add(latest == null ? new Cell("—", false, exportLink) : new Cell(switch (latest.state()) {
            case "ARCHIVED" -> "Đã lưu trữ v" + latest.version().version();
            case "DOWNLOADED" -> "Đã tải v" + latest.version().version();
            default -> "Sẵn sàng v" + latest.version().version();
        }, "ARCHIVED".equals(latest.state()), exportLink));
        return cells;
    }

    private static Cell count(List<IssuedDocument> docs, Map<String, List<RecordedSignature>> signed, String stage, String link) {
        long n = docs.stream().filter(d -> signed.getOrDefault(d.id(), List.of()).stream()
                .anyMatch(s -> s.stage().startsWith(stage))).count();
        return new Cell(n + "/" + docs.size(), !docs.isEmpty() && n == docs.size(), link);
    }
}
