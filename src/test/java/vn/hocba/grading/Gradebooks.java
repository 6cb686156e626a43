package vn.hocba.grading;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test data: a THCS class like the demo school's (8 scored + 4 comment subjects). */
public final class Gradebooks {

    public static final List<Subject> THCS = List.of(
            scored("NGU_VAN", "Ngữ văn", 140), scored("TOAN", "Toán", 140),
            scored("NGOAI_NGU_1", "Ngoại ngữ 1", 105), scored("GDCD", "Giáo dục công dân", 35),
            scored("LS_DL", "Lịch sử và Địa lí", 105), scored("KHTN", "Khoa học tự nhiên", 140),
            scored("CONG_NGHE", "Công nghệ", 35), scored("TIN_HOC", "Tin học", 35),
            comment("GDTC", "Giáo dục thể chất", 70), comment("NGHE_THUAT", "Nghệ thuật", 70),
            comment("HDTN_HN", "Hoạt động trải nghiệm, hướng nghiệp", 105),
            comment("GDDP", "Nội dung giáo dục của địa phương", 35));

    private Gradebooks() {
    }

    public static Subject scored(String code, String name, int periods) {
        return new Subject(new SubjectCode(code), name, AssessmentKind.SCORE, BigDecimal.valueOf(periods));
    }

    public static Subject comment(String code, String name, int periods) {
        return new Subject(new SubjectCode(code), name, AssessmentKind.COMMENT, BigDecimal.valueOf(periods));
    }

    public static ClassGradebook of(StudentRecord... students) {
        return of(THCS, List.of(students));
    }

    public static ClassGradebook of(List<Subject> subjects, List<StudentRecord> students) {
        return new ClassGradebook(new SchoolYear(2024), "DEMO01", "Trường THCS Mẫu", new ClassCode("7A1"), 7,
                subjects, students);
    }

    /** Results of one student in the THCS class, computed by the standard rule sets. */
    public static StudentResults resultsOf(StudentRecord student) {
        return RuleSets.standard().compute(of(student)).students().get(0);
    }

    /** A student with every scored subject at {@code score}, every comment subject Đ, conduct T/T. */
    public static Student student(String score) {
        return new Student(score);
    }

    /** Builds one student; every mark of a term is set to the same value so averages equal it. */
    public static final class Student {
        private final Map<SubjectCode, SubjectMarks> marks = new LinkedHashMap<>();
        private Level hk1 = Level.T;
        private Level hk2 = Level.T;
        private Level summer;
        private Absences absences = new Absences(0, 0);
        private String code = "HS0001";

        Student(String score) {
            for (Subject s : THCS) {
                marks.put(s.code(), s.scored() ? uniform(s, new Mark.Score(new BigDecimal(score)))
                        : uniform(s, Mark.Comment.DAT));
            }
        }

        public Student code(String value) {
            code = value;
            return this;
        }

        /** Sets both terms of a subject to one value (a score or Đ/CĐ), so ĐTBmhk = ĐTBmcn = value. */
        public Student set(String subject, String value) {
            Subject s = subject(subject);
            marks.put(s.code(), uniform(s, mark(value)));
            return this;
        }

        public Student retest(String subject, String value) {
            SubjectCode c = new SubjectCode(subject);
            SubjectMarks m = marks.get(c);
            marks.put(c, new SubjectMarks(m.hk1(), m.hk2(), mark(value)));
            return this;
        }

        public Student term(String subject, Term term, TermMarks termMarks) {
            SubjectCode c = new SubjectCode(subject);
            SubjectMarks m = marks.get(c);
            marks.put(c, term == Term.HK1 ? new SubjectMarks(termMarks, m.hk2(), m.retest())
                    : new SubjectMarks(m.hk1(), termMarks, m.retest()));
            return this;
        }

        public Student conduct(Level first, Level second) {
            hk1 = first;
            hk2 = second;
            return this;
        }

        public Student summer(Level level) {
            summer = level;
            return this;
        }

        public Student absences(int excused, int unexcused) {
            absences = new Absences(excused, unexcused);
            return this;
        }

        public StudentRecord build() {
            return new StudentRecord(new StudentCode(code), "Học sinh " + code, absences,
                    new ConductRatings(hk1, hk2, summer), marks);
        }

        private static SubjectMarks uniform(Subject s, Mark value) {
            int regular = s.scored() && s.periodsPerYear().intValue() > 70 ? 4
                    : s.scored() && s.periodsPerYear().intValue() > 35 ? 3 : 2;
            TermMarks term = new TermMarks(new ArrayList<>(Collections.nCopies(regular, value)), value, value);
            return new SubjectMarks(term, term, null);
        }

        private static Subject subject(String code) {
            return THCS.stream().filter(s -> s.code().value().equals(code)).findFirst().orElseThrow();
        }
    }

    public static Mark mark(String value) {
        Mark.Comment c = Mark.Comment.ofCode(value);
        return c != null ? c : new Mark.Score(new BigDecimal(value));
    }

    /** Term marks from text: "8 9 7 10 | 7.5 | 8.0" (regular | mid-term | end-of-term; "-" = none). */
    public static TermMarks termMarks(String text) {
        String[] parts = text.split("\\|");
        List<Mark> regular = new ArrayList<>();
        for (String r : parts[0].trim().split("\\s+")) {
            if (!r.isEmpty()) {
                regular.add(mark(r));
            }
        }
        return new TermMarks(regular, markOrNull(parts[1]), markOrNull(parts[2]));
    }

    private static Mark markOrNull(String text) {
        return text.trim().equals("-") ? null : mark(text.trim());
    }
}
