package vn.hocba.documents.sample;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import vn.hocba.documents.AttendanceMonth;
import vn.hocba.documents.AttendanceRow;
import vn.hocba.documents.MarkRow;
import vn.hocba.documents.PrintedProfile;
import vn.hocba.documents.StudentSummary;
import vn.hocba.documents.SubjectMarksTable;
import vn.hocba.documents.SubjectRow;
import vn.hocba.documents.TermLevels;

/** Class 7A1 of THCS Mẫu with marks, results and attendance for one year, deterministic. */
final class SampleClass {

    static final int RETEST_STUDENT = 5;
    private static final String[] MONTHS = {"9/2024", "10/2024", "11/2024", "12/2024", "1/2025", "2/2025",
        "3/2025", "4/2025", "5/2025"};
    private static final int[] DAYS = {30, 31, 30, 31, 31, 28, 31, 30, 31};

    final List<PrintedProfile> students;
    final Map<String, List<MarkRow>> marks = new LinkedHashMap<>();
    final List<List<SubjectRow>> transcriptRows = new ArrayList<>();
    final List<StudentSummary> summaries = new ArrayList<>();
    final List<AttendanceMonth> attendance = new ArrayList<>();

    SampleClass(int size) {
        students = SampleStudents.create(size);
        Random random = new Random(2025);
        SampleSubject.GRADE_7.forEach(s -> marks.put(s.code(), new ArrayList<>()));
        int[][] absences = attendance(random);
        for (int i = 0; i < students.size(); i++) {
            student(i, random, absences[i]);
        }
    }

    List<SubjectMarksTable> subjectMarks() {
        return SampleSubject.GRADE_7.stream().map(s -> new SubjectMarksTable(s.code(), s.name(), s.teacher(),
                s.commentOnly(), s.regularCount(), marks.get(s.code()), s.teachers())).toList();
    }

    private void student(int index, Random random, int[] absences) {
        String name = students.get(index).fullName();
        double ability = index == RETEST_STUDENT ? 4.2 : index == 0 ? 8.9 : 5.8 + random.nextDouble() * 3.6;
        List<SubjectRow> rows = new ArrayList<>();
        List<BigDecimal> hk1 = new ArrayList<>();
        List<BigDecimal> hk2 = new ArrayList<>();
        List<BigDecimal> year = new ArrayList<>();
        List<BigDecimal> reassessed = new ArrayList<>();
        int commentFails1 = 0;
        for (SampleSubject subject : SampleSubject.GRADE_7) {
            SampleMarks.Result result = subject.commentOnly()
                    ? SampleMarks.comment(name, index == 7 && subject.code().equals("GDTC"))
                    : SampleMarks.scored(name, subject, ability, random);
            MarkRow row = result.row();
            String retest = "";
            if (!subject.commentOnly()) {
                hk1.add(result.hk1());
                hk2.add(result.hk2());
                year.add(result.year());
                boolean needsRetest = index == RETEST_STUDENT && result.year().compareTo(new BigDecimal("5.0")) < 0;
                retest = needsRetest ? "6,0" : "";
                reassessed.add(needsRetest ? new BigDecimal("6.0") : result.year());
                row = withReassessment(row, retest);
            } else if (!result.passed1()) {
                commentFails1++;
            }
            marks.get(subject.code()).add(row);
            rows.add(new SubjectRow(subject.code(), subject.name(), row.hk1Result(), row.hk2Result(),
                    row.yearResult(), retest, comment(subject, row.yearResult()), subject.teacher()));
        }
        transcriptRows.add(rows);
        summarise(index, random, absences, hk1, hk2, year, reassessed, commentFails1, rows);
    }

    private void summarise(int index, Random random, int[] absences, List<BigDecimal> hk1, List<BigDecimal> hk2,
            List<BigDecimal> year, List<BigDecimal> reassessed, int commentFails1, List<SubjectRow> rows) {
        String learningYear = SampleLevels.learning(year, 0);
        String learningAfter = learningYear.equals(SampleLevels.CHUA_DAT) ? SampleLevels.learning(reassessed, 0) : "";
        TermLevels learning = new TermLevels(SampleLevels.learning(hk1, commentFails1),
                SampleLevels.learning(hk2, 0), learningYear, learningAfter);
        String c1 = random.nextInt(6) == 0 ? SampleLevels.KHA : SampleLevels.TOT;
        String c2 = index == RETEST_STUDENT ? SampleLevels.KHA : SampleLevels.TOT;
        TermLevels conduct = new TermLevels(c1, c2, SampleLevels.conductYear(c1, c2), "");
        String decision = learningAfter.isEmpty() ? "Được lên lớp"
                : SampleLevels.atLeast(learningAfter, SampleLevels.DAT) ? "Được lên lớp sau kiểm tra lại" : "Ở lại lớp";
        long nines = year.stream().filter(v -> v.compareTo(new BigDecimal("9.0")) >= 0).count();
        boolean good = conduct.year().equals(SampleLevels.TOT) && learningYear.equals(SampleLevels.TOT);
        String award = !good ? "" : nines >= 6 ? "Học sinh Xuất sắc" : "Học sinh Giỏi";
        summaries.add(new StudentSummary(students.get(index).fullName(), conduct, learning, absences[0], absences[1],
                decision, award));
    }

    private static MarkRow withReassessment(MarkRow r, String retest) {
        return new MarkRow(r.studentName(), r.hk1Regular(), r.hk1Mid(), r.hk1End(), r.hk1Result(), r.hk2Regular(),
                r.hk2Mid(), r.hk2End(), r.hk2Result(), r.yearResult(), retest);
    }

    private static String comment(SampleSubject subject, String year) {
        if (subject.commentOnly()) {
            return "Tích cực tham gia, hoàn thành tốt các nhiệm vụ học tập.";
        }
        BigDecimal value = new BigDecimal(year.replace(',', '.'));
        if (value.compareTo(new BigDecimal("8.0")) >= 0) {
            return "Nắm vững kiến thức, vận dụng tốt; cần phát huy.";
        }
        return value.compareTo(new BigDecimal("5.0")) >= 0 ? "Có tiến bộ; cần chăm chỉ luyện tập thêm."
                : "Chưa nắm vững kiến thức cơ bản; cần ôn tập hè.";
    }

    /** Per student: {excused, unexcused} totals; fills the monthly grids. */
    private int[][] attendance(Random random) {
        int[][] totals = new int[students.size()][2];
        for (int m = 0; m < MONTHS.length; m++) {
            List<AttendanceRow> rows = new ArrayList<>();
            for (int s = 0; s < students.size(); s++) {
                List<String> days = new ArrayList<>();
                int excused = 0;
                int unexcused = 0;
                for (int d = 1; d <= DAYS[m]; d++) {
                    int roll = random.nextInt(400);
                    String mark = roll < 3 ? "P" : roll == 3 ? "K" : "";
                    excused += mark.equals("P") ? 1 : 0;
                    unexcused += mark.equals("K") ? 1 : 0;
                    days.add(mark);
                }
                totals[s][0] += excused;
                totals[s][1] += unexcused;
                rows.add(new AttendanceRow(students.get(s).fullName(), days, excused, unexcused));
            }
            attendance.add(new AttendanceMonth(MONTHS[m], DAYS[m], rows));
        }
        return totals;
    }
}
