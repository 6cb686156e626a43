package vn.hocba.schoolyear;

import vn.hocba.common.TermName;
import java.math.BigDecimal;
import java.util.List;
import java.time.format.DateTimeFormatter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.common.Rejected;

/** Creates a school year with its two terms, the subjects of each grade and the classes. */
@Service
@Transactional
public class YearSetup {

    /** Dates shown to people: dd/MM/yyyy (ui.md). */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final JdbcClient jdbc;

    public YearSetup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates the year starting in {@code startYear} with terms I and II. The first year of a school
     * becomes ACTIVE; later ones are PLANNED until activated.
     */
    public SchoolYearId createYear(SchoolId school, int startYear, List<TermDates> terms) {
        checkTerms(startYear, terms);
        String name = AcademicYear.nameOf(startYear);
        if (Sql.exists(jdbc, "select count(*) from school_year where school_id = ? and start_year = ?", school.value(), startYear)) {
            throw Rejected.conflict("Năm học " + name + " đã có.");
        }
        boolean first = !Sql.exists(jdbc, "select count(*) from school_year where school_id = ?", school.value());
        long id = Sql.insert(jdbc, "insert into school_year (school_id, name, start_year, status) values (?, ?, ?, ?)",
                school.value(), name, startYear, (first ? AcademicYear.Status.ACTIVE : AcademicYear.Status.PLANNED).name());
        for (TermDates term : terms) {
            jdbc.sql("insert into term (school_year_id, number, starts_on, ends_on) values (?, ?, ?, ?)")
                    .params(id, term.number(), term.startsOn(), term.endsOn()).update();
        }
        return new SchoolYearId(id);
    }

    /** Makes {@code year} the school's ACTIVE year; the previously active one is CLOSED. */
    public void activate(SchoolYearId year) {
        jdbc.sql("update school_year set status = 'CLOSED' where status = 'ACTIVE' and school_id = "
                + "(select school_id from school_year where id = ?)").param(year.value()).update();
        jdbc.sql("update school_year set status = 'ACTIVE' where id = ?").param(year.value()).update();
    }

    /** Adds {@code subject} to the curriculum of {@code grade} with its periods per year (TT22 Art. 6). */
    public void addGradeSubject(SchoolYearId year, int grade, SubjectId subject, BigDecimal periodsPerYear) {
        checkGrade(grade);
        if (periodsPerYear == null || periodsPerYear.signum() <= 0) {
            throw Rejected.invalid("Môn học mã số " + subject.value() + " ở khối " + grade
                    + " thiếu số tiết/năm (phải lớn hơn 0): số điểm đánh giá thường xuyên tối thiểu tính từ số tiết.");
        }
        if (!Sql.exists(jdbc, "select count(*) from subject s join school_year y on y.school_id = s.school_id "
                + "where s.id = ? and y.id = ?", subject.value(), year.value())) {
            throw Rejected.notFound("Không có môn học mã số " + subject.value() + " trong trường.");
        }
        if (Sql.exists(jdbc, "select count(*) from grade_subject where school_year_id = ? and grade = ? and subject_id = ?",
                year.value(), grade, subject.value())) {
            throw Rejected.conflict("Môn học mã số " + subject.value() + " đã có trong chương trình khối " + grade + ".");
        }
        jdbc.sql("insert into grade_subject (school_year_id, grade, subject_id, periods_per_year) values (?, ?, ?, ?)")
                .params(year.value(), grade, subject.value(), periodsPerYear).update();
    }

    public ClassId createClass(SchoolYearId year, String code, int grade) {
        checkGrade(grade);
        String classCode = Codes.code(code, "lớp", 10);
        if (Sql.exists(jdbc, "select count(*) from school_class where school_year_id = ? and code = ?", year.value(), classCode)) {
            throw Rejected.conflict("Lớp " + classCode + " đã có trong năm học này.");
        }
        if (!Sql.exists(jdbc, "select count(*) from school_year where id = ?", year.value())) {
            throw Rejected.notFound("Không có năm học mã số " + year.value() + ".");
        }
        return new ClassId(Sql.insert(jdbc, "insert into school_class (school_year_id, code, grade) values (?, ?, ?)",
                year.value(), classCode, grade));
    }

    private static void checkGrade(int grade) {
        if (grade < 1 || grade > 12) {
            throw Rejected.invalid("Khối " + grade + " không hợp lệ: từ 1 đến 12.");
        }
    }

    private static void checkTerms(int startYear, List<TermDates> terms) {
        if (terms == null || terms.size() != 2 || terms.get(0).number() != 1 || terms.get(1).number() != 2) {
            throw Rejected.invalid("Năm học cần đúng hai học kì: học kì I (số 1) rồi học kì II (số 2).");
        }
        for (TermDates term : terms) {
            if (term.startsOn() == null || term.endsOn() == null || !term.endsOn().isAfter(term.startsOn())) {
                throw Rejected.invalid("Học kì " + TermName.roman(term.number()) + ": ngày kết thúc phải sau ngày bắt đầu.");
            }
        }
        if (!terms.get(1).startsOn().isAfter(terms.get(0).endsOn())) {
            throw Rejected.invalid("Học kì II phải bắt đầu sau khi học kì I kết thúc (" + DAY.format(terms.get(0).endsOn()) + ").");
        }
        if (terms.get(0).startsOn().getYear() != startYear) {
            throw Rejected.invalid("Học kì I của năm học " + AcademicYear.nameOf(startYear) + " phải bắt đầu trong năm " + startYear + ".");
        }
    }
}
