package vn.hocba.gradebook.closing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.common.Rejected;
import vn.hocba.gradebook.GradebookLocks;
import vn.hocba.schoolyear.SchoolClass;

/**
 * Whether a class's school year is closed (issue 13, item 4): both terms locked, the year-end
 * decisions final-approved by the principal, every retest and summer conduct rating entered. The
 * year documents (học bạ, sổ theo dõi, …) are issued and signed only for a closed year; both the
 * request that starts them and the process steps that generate and seal them check it here.
 */
@Service
@Transactional(readOnly = true)
public class YearClosure {

    private static final String[] TERMS = {"", "I", "II"};

    private final GradebookLocks locks;
    private final Readiness readiness;
    private final YearEnd yearEnd;
    private final SummerWork summer;

    public YearClosure(GradebookLocks locks, Readiness readiness, YearEnd yearEnd, SummerWork summer) {
        this.locks = locks;
        this.readiness = readiness;
        this.yearEnd = yearEnd;
        this.summer = summer;
    }

    /** What keeps the year of {@code schoolClass} open, one phrase each; empty when it is closed. */
    public List<String> missing(SchoolClass schoolClass) {
        List<String> missing = new ArrayList<>();
        for (int term = 1; term <= 2; term++) {
            if (!locks.isLocked(schoolClass, null, term)) {
                int entries = readiness.missing(schoolClass, term).size();
                missing.add("học kì " + TERMS[term] + " chưa chốt và khoá sổ"
                        + (entries == 0 ? "" : " (còn thiếu " + entries + " điểm hoặc xếp loại rèn luyện)"));
            }
        }
        Optional<YearEnd.Stage> stage = yearEnd.latest(schoolClass);
        if (stage.isEmpty()) {
            missing.add("chưa xét lên lớp cuối năm");
        } else if (stage.get() == YearEnd.Stage.PROPOSED) {
            missing.add("kết quả xét lên lớp chưa được Hiệu trưởng phê duyệt");
        } else if (stage.get() == YearEnd.Stage.APPROVED || stage.get() == YearEnd.Stage.SUMMER) {
            missing.add("kết quả cuối năm chưa được Hiệu trưởng phê duyệt lần cuối (sau kiểm tra lại, rèn luyện hè)");
        }
        if (stage.isPresent() && stage.get() != YearEnd.Stage.PROPOSED) {
            summer.missing(schoolClass).forEach(m -> missing.add(m.substring(0, m.length() - 1)));
        }
        return missing;
    }

    /** Refuses (HTTP 409) when the year of {@code schoolClass} is not closed, naming everything still open. */
    public void requireClosed(SchoolClass schoolClass, String what) {
        List<String> missing = missing(schoolClass);
        if (!missing.isEmpty()) {
            throw Rejected.conflict("Chưa " + what + " của lớp " + schoolClass.code() + ": năm học của lớp chưa kết thúc — "
                    + String.join("; ", missing) + ".");
        }
    }
}
