package vn.hocba.workflow.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.students.EnrolledStudent;
import vn.hocba.students.StudentId;
import vn.hocba.students.StudentProfile;
import vn.hocba.students.StudentRegistry;

/**
 * Server time of the school dashboard ({@code GET /truong}) for a 30-class school: the demo school's 8
 * classes plus 22 copies (same teaching and homeroom assignments, 34–36 students each with the copied
 * term I and II marks). Baseline in the same run: {@code GET /api/notifications}, an almost empty
 * authenticated request. Medians of 20 requests after 5 warm-ups, on localhost. Not a test; see bench/README.md.
 */
public final class DashboardBenchmark {

    public static void main(String[] args) throws Exception {
        try (BenchSchool school = BenchSchool.start("bench_dashboard")) {
            school.completeMarks();
            grow(school, 30);
            school.api.login("hieutruong");
            if (school.api.get("hieutruong", "/truong").status() != 200) {
                throw new IllegalStateException("GET /truong failed");
            }
            double dashboard = median(school, "/truong");
            double baseline = median(school, "/api/notifications");
            System.out.printf("DashboardBenchmark: %d classes, %d students, 20 requests after 5 warm-ups, %s%n",
                    school.classes().size(), school.bean(JdbcClient.class).sql("select count(*) from enrolment")
                            .query(Long.class).single(), System.getProperty("java.vm.version"));
            System.out.printf("  GET /truong (dashboard)          median %.1f ms%n", dashboard);
            System.out.printf("  GET /api/notifications (baseline) median %.1f ms%n", baseline);
        }
    }

    private static double median(BenchSchool school, String path) {
        double[] times = new double[20];
        for (int i = -5; i < times.length; i++) {
            long started = System.nanoTime();
            var reply = school.api.get("hieutruong", path);
            double ms = (System.nanoTime() - started) / 1e6;
            if (reply.status() != 200) {
                throw new IllegalStateException(path + " answered " + reply.status());
            }
            if (i >= 0) {
                times[i] = ms;
            }
        }
        Arrays.sort(times);
        return (times[9] + times[10]) / 2;
    }

    /** Copies of the demo classes (grade by grade) until the school has {@code target} classes. */
    private static void grow(BenchSchool school, int target) {
        JdbcClient jdbc = school.bean(JdbcClient.class);
        StudentRegistry registry = school.bean(StudentRegistry.class);
        List<SchoolClass> demo = new ArrayList<>(school.classes());
        long nationalId = 900_000_000_000L;
        for (int i = 0; demo.size() + i < target; i++) {
            SchoolClass source = demo.get(i % demo.size());
            String code = source.grade() + "B" + (i + 1);
            long id = jdbc.sql("insert into school_class (school_year_id, code, grade) values (?, ?, ?) returning id")
                    .params(source.yearId().value(), code, source.grade()).query(Long.class).single();
            jdbc.sql("insert into teaching_assignment (class_id, subject_id, staff_id, first_column, last_column) "
                    + "select ?, subject_id, staff_id, first_column, last_column from teaching_assignment where class_id = ?")
                    .params(id, source.id().value()).update();
            jdbc.sql("insert into homeroom_assignment (class_id, staff_id) select ?, staff_id from homeroom_assignment "
                    + "where class_id = ?").params(id, source.id().value()).update();
            var schoolId = school.bean(vn.hocba.schoolyear.SchoolDirectory.class).year(source.yearId()).schoolId();
            for (EnrolledStudent e : registry.roster(source.id())) {
                StudentProfile p = e.student().profile();
                StudentId copy = registry.register(schoolId, new StudentProfile(p.code() + code, String.valueOf(nationalId++),
                        p.fullName(), p.sex(), p.dateOfBirth(), p.placeOfBirth(), p.ethnicity(), p.policyStatus(), p.address(),
                        p.father(), p.mother(), p.guardian()));
                registry.enrol(copy, new vn.hocba.schoolyear.ClassId(id));
            }
            jdbc.sql("insert into mark (class_id, subject_id, student_id, term, kind, column_no, score, level, version, "
                    + "updated_at, updated_by) select ?, m.subject_id, e2.student_id, m.term, m.kind, m.column_no, m.score, "
                    + "m.level, 0, m.updated_at, m.updated_by from mark m "
                    + "join enrolment e1 on e1.student_id = m.student_id and e1.class_id = m.class_id "
                    + "join enrolment e2 on e2.class_id = ? and e2.number_in_class = e1.number_in_class where m.class_id = ?")
                    .params(id, id, source.id().value()).update();
        }
    }
}
