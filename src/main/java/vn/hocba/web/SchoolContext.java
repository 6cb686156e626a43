package vn.hocba.web;

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

    SchoolContext(SchoolDirectory directory) {
        this.directory = directory;
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
}
