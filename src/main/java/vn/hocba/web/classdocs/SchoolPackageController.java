package vn.hocba.web.classdocs;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import vn.hocba.common.Rejected;
import vn.hocba.schoolyear.AcademicYear;
import vn.hocba.schoolyear.School;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;
import vn.hocba.signing.SchoolExportBundle;
import vn.hocba.web.SchoolContext;

/** "Tải gói cả trường" on /xuat: every class's current export package and a manifest, in one zip (clerk, principal). */
@Controller
class SchoolPackageController {

    private final AccessPolicy access;
    private final SchoolContext context;
    private final SchoolDirectory directory;
    private final SchoolExportBundle bundle;

    SchoolPackageController(AccessPolicy access, SchoolContext context, SchoolDirectory directory, SchoolExportBundle bundle) {
        this.access = access;
        this.context = context;
        this.directory = directory;
        this.bundle = bundle;
    }

    @GetMapping("/xuat/ca-truong.zip")
    void download(HttpServletResponse response) throws IOException {
        Viewer viewer = access.current();
        if (!viewer.has(Role.CLERK) && !viewer.has(Role.PRINCIPAL)) {
            throw Rejected.forbidden("Chỉ văn thư (hoặc Hiệu trưởng) được tải gói xuất văn bản đã ký của cả trường.");
        }
        School school = context.school(viewer);
        AcademicYear year = context.activeYear(viewer);
        String name = school.code() + "-" + year.name() + "-ca-truong.zip";
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString());
        bundle.write(school.code(), year.name(), directory.classes(year.id()),
                access.actor(viewer, viewer.has(Role.CLERK) ? Role.CLERK : Role.PRINCIPAL), response.getOutputStream());
    }
}
