package vn.hocba.gradebook.closing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.audit.Actor;
import vn.hocba.audit.AuditLog;
import vn.hocba.audit.AuditRecord;
import vn.hocba.common.Rejected;
import vn.hocba.gradebook.ClassResultsStore;
import vn.hocba.grading.StudentResults;
import vn.hocba.schoolyear.AcademicYear;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.SchoolYearId;
import vn.hocba.schoolyear.TermDates;
import vn.hocba.schoolyear.YearRollover;
import vn.hocba.students.EnrolledStudent;
import vn.hocba.students.StudentId;
import vn.hocba.students.StudentRegistry;
import vn.hocba.students.StudentTransfers;

/**
 * Moves the students of a finished school year into the next year's classes by the class's final
 * year-end decisions (TT22 Art. 12–14, domain.md §3 "Promotion"): "Được lên lớp" and "Được lên lớp sau
 * khi đánh giá lại" go to the class one grade up (6A1 → 7A1), or leave the school after the last grade
 * (ra trường); "Ở lại lớp" stays in the class of the same code; a student whose summer training or retest
 * is still pending, or whose class's decisions are not final (the principal's final approval,
 * {@link YearEnd.Stage#FINAL}), waits. A student already placed next year (or graduated) is left as is, so
 * applying twice moves nobody twice. Transferred-out students are not on the class list and do not move.
 */
@Service
@Transactional
public class StudentPromotions {

    /** What happens to one student. */
    public enum Outcome {
        PROMOTED("Lên lớp"), RETAINED("Ở lại lớp"), GRADUATES("Ra trường"), WAITING("Chờ"), DONE("Đã xếp");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One student of a class: outcome, the next year's class (when moving) and why (the decision or what it waits for). */
    public record Move(long studentId, String code, String fullName, Outcome outcome, String target, String reason) {
    }

    /** A class of the finished year and its students' moves. */
    public record ClassMoves(String code, int grade, boolean decided, List<Move> moves) {

        public long count(Outcome outcome) {
            return moves.stream().filter(m -> m.outcome() == outcome).count();
        }
    }

    /** The whole year's moves into {@code nextYear} (null when the next year does not exist yet). */
    public record Plan(String finishedYear, String nextYear, List<ClassMoves> classes) {

        public long count(Outcome outcome) {
            return classes.stream().mapToLong(c -> c.count(outcome)).sum();
        }
    }

    private final SchoolDirectory directory;
    private final StudentRegistry registry;
    private final StudentTransfers transfers;
    private final ClassResultsStore results;
    private final YearEnd yearEnd;
    private final YearRollover rollover;
    private final AuditLog audit;

    StudentPromotions(SchoolDirectory directory, StudentRegistry registry, StudentTransfers transfers,
            ClassResultsStore results, YearEnd yearEnd, YearRollover rollover, AuditLog audit) {
        this.directory = directory;
        this.registry = registry;
        this.transfers = transfers;
        this.results = results;
        this.yearEnd = yearEnd;
        this.rollover = rollover;
        this.audit = audit;
    }

    /** What {@link #apply} would do now; writes nothing. */
    @Transactional(readOnly = true)
    public Plan plan(SchoolYearId finished) {
        AcademicYear year = directory.year(finished);
        Optional<AcademicYear> next = nextYear(year);
        List<SchoolClass> classes = directory.classes(finished);
        int lastGrade = classes.stream().mapToInt(SchoolClass::grade).max().orElse(0);
        List<ClassMoves> moves = new ArrayList<>();
        for (SchoolClass schoolClass : classes) {
            moves.add(movesOf(schoolClass, lastGrade, next.orElse(null)));
        }
        return new Plan(year.name(), next.map(AcademicYear::name).orElse(null), moves);
    }

    /**
     * Completes the next year's classes ({@link YearRollover#extend}) and places every student whose decision
     * is final; returns the counts by outcome of this run. Audited once.
     */
    public Map<Outcome, Long> apply(SchoolYearId finished, Actor by) {
        AcademicYear year = directory.year(finished);
        AcademicYear next = nextYear(year).orElseThrow(() -> Rejected.conflict("Chưa có năm học "
                + AcademicYear.nameOf(year.startYear() + 1) + ": hãy tạo năm học đó trước khi xếp lớp cho học sinh."));
        rollover.extend(finished, next.id());
        LocalDate lastDay = year.terms().stream().map(TermDates::endsOn).max(LocalDate::compareTo).orElseThrow();
        Map<Outcome, Long> done = new EnumMap<>(Outcome.class);
        for (ClassMoves classMoves : plan(finished).classes()) {
            SchoolClass from = directory.classByCode(finished, classMoves.code()).orElseThrow();
            for (Move move : classMoves.moves()) {
                StudentId student = new StudentId(move.studentId());
                switch (move.outcome()) {
                    case PROMOTED, RETAINED -> registry.enrol(student, directory.classByCode(next.id(), move.target()).orElseThrow().id());
                    case GRADUATES -> transfers.graduate(student, finished, from.id(), lastDay, by);
                    default -> { continue; }
                }
                done.merge(move.outcome(), 1L, Long::sum);
            }
        }
        audit.append(new AuditRecord(by, "STUDENTS_PROMOTED", "school_year " + finished.value(), year.name(),
                next.name() + ": " + done.getOrDefault(Outcome.PROMOTED, 0L) + " lên lớp, " + done.getOrDefault(Outcome.RETAINED, 0L)
                        + " ở lại lớp, " + done.getOrDefault(Outcome.GRADUATES, 0L) + " ra trường", null, null));
        return done;
    }

    private ClassMoves movesOf(SchoolClass schoolClass, int lastGrade, AcademicYear next) {
        boolean decided = yearEnd.latest(schoolClass).filter(s -> s == YearEnd.Stage.FINAL).isPresent();
        Map<String, StudentResults> byCode = decided ? results.compute(schoolClass).students().stream()
                .collect(Collectors.toMap(s -> s.code().value(), Function.identity(), (a, b) -> a)) : Map.of();
        List<Move> moves = new ArrayList<>();
        for (EnrolledStudent enrolled : registry.roster(schoolClass.id())) {
            var student = enrolled.student();
            String code = student.profile().code();
            Outcome outcome;
            String target = null;
            String reason;
            Optional<String> placed = next == null ? Optional.empty() : placedIn(student.id(), next.id());
            StudentResults result = byCode.get(code);
            if (placed.isPresent()) {
                outcome = Outcome.DONE;
                target = placed.get();
                reason = "Đã có tên ở lớp " + placed.get() + " năm học " + next.name();
            } else if (transfers.left(student.id(), schoolClass.yearId())) {
                outcome = Outcome.DONE;
                reason = "Đã ra trường";
            } else if (!decided) {
                outcome = Outcome.WAITING;
                reason = "Kết quả cuối năm của lớp chưa được hiệu trưởng duyệt lần cuối";
            } else if (result == null || !result.complete() || result.promotion() == null) {
                outcome = Outcome.WAITING;
                reason = "Chưa đủ kết quả cả năm";
            } else {
                reason = result.promotion().label();
                switch (result.promotion()) {
                    case PROMOTED, PROMOTED_AFTER_REASSESSMENT -> {
                        outcome = schoolClass.grade() == lastGrade ? Outcome.GRADUATES : Outcome.PROMOTED;
                        target = outcome == Outcome.PROMOTED ? YearRollover.movedUpCode(schoolClass) : null;
                    }
                    case RETAINED -> {
                        boolean exists = next != null && directory.classByCode(next.id(), schoolClass.code()).isPresent();
                        outcome = exists ? Outcome.RETAINED : Outcome.WAITING;
                        target = exists ? schoolClass.code() : null;
                        reason = exists ? reason : "Ở lại lớp, nhưng năm sau chưa có lớp " + schoolClass.code()
                                + ": tạo lớp đó ở bước 4 rồi xếp lại";
                    }
                    default -> outcome = Outcome.WAITING;
                }
            }
            moves.add(new Move(student.id().value(), code, student.profile().fullName(), outcome, target, reason));
        }
        return new ClassMoves(schoolClass.code(), schoolClass.grade(), decided, moves);
    }

    private Optional<AcademicYear> nextYear(AcademicYear year) {
        return directory.years(year.schoolId()).stream().filter(y -> y.startYear() == year.startYear() + 1).findFirst();
    }

    private Optional<String> placedIn(StudentId student, SchoolYearId year) {
        return registry.enrolledClass(student, year).map(id -> directory.schoolClass(id).code());
    }
}
