package vn.hocba.grading;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random THCS classes with mixed marks: mostly complete students around every threshold, some
 * failing conduct or learning (with summer and retest results), some absences near 45, a few
 * missing marks. Deterministic per seed.
 */
public final class RandomClasses {

    private final Random random;

    public RandomClasses(long seed) {
        this.random = new Random(seed);
    }

    public ClassGradebook classOf(int students) {
        List<StudentRecord> list = new ArrayList<>();
        for (int i = 1; i <= students; i++) {
            list.add(student(String.format("HS%04d", i)));
        }
        return Gradebooks.of(Gradebooks.THCS, list);
    }

    StudentRecord student(String code) {
        int ability = 30 + random.nextInt(70); // tenths of the student's typical score: 3.0–9.9
        Map<SubjectCode, SubjectMarks> marks = new HashMap<>();
        for (Subject s : Gradebooks.THCS) {
            Mark retest = random.nextInt(3) == 0 ? (s.scored() ? score(ability + 20) : comment(90)) : null;
            marks.put(s.code(), new SubjectMarks(term(s, ability), term(s, ability), retest));
        }
        int absences = random.nextInt(10) == 0 ? 40 + random.nextInt(10) : random.nextInt(12);
        return new StudentRecord(new StudentCode(code), "Học sinh " + code,
                new Absences(absences / 2, absences - absences / 2),
                new ConductRatings(conduct(), random.nextInt(40) == 0 ? null : conduct(),
                        random.nextBoolean() ? conduct() : null), marks);
    }

    private TermMarks term(Subject s, int ability) {
        int regular = (s.scored() && s.periodsPerYear().intValue() > 70 ? 4 : s.scored()
                && s.periodsPerYear().intValue() > 35 ? 3 : 2) + (random.nextInt(4) == 0 ? random.nextInt(3) : 0);
        if (random.nextInt(150) == 0) {
            regular--; // a missing regular mark
        }
        List<Mark> list = new ArrayList<>();
        for (int i = 0; i < regular; i++) {
            list.add(s.scored() ? whole(ability) : comment(ability));
        }
        Mark mid = s.scored() ? score(ability) : comment(ability);
        Mark end = random.nextInt(200) == 0 ? null : s.scored() ? score(ability) : comment(ability);
        return new TermMarks(list, mid, end);
    }

    private Mark whole(int ability) {
        return new Mark.Score(BigDecimal.valueOf(Math.round(clamp(ability + random.nextInt(41) - 20) / 10.0)));
    }

    private Mark score(int ability) {
        return new Mark.Score(BigDecimal.valueOf(clamp(ability + random.nextInt(41) - 20), 1));
    }

    private Mark comment(int ability) {
        return random.nextInt(100) < Math.min(99, ability + 25) ? Mark.Comment.DAT : Mark.Comment.CHUA_DAT;
    }

    private Level conduct() {
        int r = random.nextInt(20);
        return r < 12 ? Level.T : r < 16 ? Level.K : r < 19 ? Level.D : Level.CD;
    }

    private static int clamp(int tenths) {
        return Math.max(0, Math.min(100, tenths));
    }
}
