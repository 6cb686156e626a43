package vn.hocba.web;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import vn.hocba.common.Rejected;
import vn.hocba.schoolyear.School;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.AcademicYear;
import vn.hocba.security.Viewer;

/** The school and active year a request works in: the viewer's school (one school per installation is the norm). */
@Component
public class SchoolContext {

    private final SchoolDirectory directory;
    private final Clock clock;

    SchoolContext(SchoolDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    public School school(Viewer viewer) {
        if (viewer.account().staffId() != null) {
            var id = directory.schoolOf(viewer.account().staffId());
            return directory.schools().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
        }
        return directory.schools().stream().findFirst()
                .orElseThrow(() -> Rejected.notFound("Chưa có trường nào: Ban quản trị cần tạo trường trước."));
    }

    public AcademicYear activeYear(Viewer viewer) {
        School school = school(viewer);
        return directory.activeYear(school.id())
                .orElseThrow(() -> Rejected.notFound("Trường " + school.name() + " chưa có năm học đang hoạt động."));
    }

    /**
     * The term a page opens by default (1 or 2, as in addresses such as {@code /hoc-ki/2/diem}): the
     * term whose dates contain today; before the year, term 1; after term I ends, term 2.
     */
    public int currentTerm(Viewer viewer) {
        LocalDate today = LocalDate.now(clock);
        var terms = activeYear(viewer).terms();
        return terms.stream().filter(t -> t.contains(today)).findFirst()
                .map(t -> t.number())
                .orElseGet(() -> terms.stream().anyMatch(t -> t.number() == 1 && today.isAfter(t.endsOn())) ? 2 : 1);
    }
}
