package vn.hocba.gradebook.excel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.grading.RuleSets;
import vn.hocba.schoolyear.ColumnRange;
import vn.hocba.schoolyear.GradeSubject;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.AcademicYear;
import vn.hocba.gradebook.ClassGradebookAssembler;
import vn.hocba.gradebook.EntryPolicies;
import vn.hocba.gradebook.GradebookLocks;
import vn.hocba.gradebook.MarkCell;
import vn.hocba.gradebook.MarkKind;
import vn.hocba.gradebook.MarkSheet;
import vn.hocba.gradebook.MarkSheets;
import vn.hocba.gradebook.SheetColumn;
import java.util.function.Predicate;
import vn.hocba.grading.SchoolYear;

/**
 * Excel workbooks to enter marks offline: one class × subject × term sheet pre-filled with the
 * stored marks, or the whole class (one sheet per subject). Cells the reader may not change (outside
 * their assigned columns, or in a locked gradebook) are grey and protected; the server checks again
 * on upload, the grey is only a courtesy.
 */
@Service
@Transactional(readOnly = true)
public class ExcelTemplates {

    static final int HEADER_ROW = 4;

    private final MarkSheets sheets;
    private final SchoolDirectory directory;
    private final GradebookLocks locks;
    private final EntryPolicies policies;

    public ExcelTemplates(MarkSheets sheets, SchoolDirectory directory, GradebookLocks locks, EntryPolicies policies) {
        this.sheets = sheets;
        this.directory = directory;
        this.locks = locks;
        this.policies = policies;
    }

    /** One subject's sheet; {@code writable} the reader's regular columns (empty: read-only). */
    public byte[] subject(SchoolClass schoolClass, GradeSubject subject, int term, List<ColumnRange> writable) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            write(book, schoolClass, subject, term, writable);
            return bytes(book);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole class, one sheet per subject; {@code writable} the reader's columns per subject code. */
    public byte[] wholeClass(SchoolClass schoolClass, int term, Map<String, List<ColumnRange>> writable) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            for (GradeSubject gs : directory.gradeSubjects(schoolClass.yearId(), schoolClass.grade())) {
                write(book, schoolClass, gs, term, writable.getOrDefault(gs.subject().code(), List.of()));
            }
            return bytes(book);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The regular columns a template shows: the rule set's required count, or more when more are stored. */
    static int regularColumns(AcademicYear year, SchoolClass schoolClass, GradeSubject gs, MarkSheet sheet) {
        int required = RuleSets.standard().forCohort(new SchoolYear(year.startYear()), schoolClass.grade())
                .requiredRegularMarks(ClassGradebookAssembler.subject(gs));
        int stored = sheet.cells().stream().filter(c -> c.kind() == MarkKind.REGULAR).mapToInt(MarkCell::column).max().orElse(0);
        return Math.max(required, stored);
    }

    private void write(XSSFWorkbook book, SchoolClass schoolClass, GradeSubject gs, int term, List<ColumnRange> writable) {
        AcademicYear year = directory.year(schoolClass.yearId());
        MarkSheet marks = sheets.sheet(schoolClass, gs.subject().id(), term);
        boolean locked = locks.isLocked(schoolClass, gs.subject().id(), term);
        List<SheetColumn> columns = new ArrayList<>();
        int regular = Math.min(regularColumns(year, schoolClass, gs, marks), policies.of(year.schoolId()).maxRegularColumns());
        for (int n = 1; n <= regular; n++) {
            columns.add(SheetColumn.regular(n));
        }
        columns.add(SheetColumn.MIDTERM);
        columns.add(SheetColumn.FINAL);
        Sheet sheet = book.createSheet(gs.subject().code());
        heading(sheet, schoolClass, gs, term, year, locked);
        Row header = sheet.createRow(HEADER_ROW);
        List<String> titles = new ArrayList<>(List.of("STT", SheetColumn.CODE_HEADER, "Họ và tên"));
        columns.forEach(c -> titles.add(c.header()));
        CellStyle bold = styles(book).bold();
        for (int i = 0; i < titles.size(); i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(titles.get(i));
            cell.setCellStyle(bold);
        }
        Map<String, MarkCell> stored = marks.cells().stream().collect(Collectors.toMap(ExcelTemplates::key, c -> c));
        int r = HEADER_ROW + 1;
        for (MarkSheet.Student s : marks.students()) {
            studentRow(sheet.createRow(r++), s, columns, stored, styles(book), editable(locked, writable));
        }
        sheet.setColumnWidth(2, 28 * 256);
        sheet.createFreezePane(3, HEADER_ROW + 1);
        sheet.protectSheet("");
    }

    private static Predicate<SheetColumn> editable(boolean locked, List<ColumnRange> writable) {
        return c -> !locked && !writable.isEmpty()
                && (c.kind() != MarkKind.REGULAR || writable.stream().anyMatch(r -> r.contains(c.column())));
    }

    private static void studentRow(Row row, MarkSheet.Student s, List<SheetColumn> columns, Map<String, MarkCell> stored,
            Styles styles, Predicate<SheetColumn> editable) {
        row.createCell(0).setCellValue(s.number());
        row.createCell(1).setCellValue(s.code());
        row.createCell(2).setCellValue(s.fullName());
        for (int i = 0; i < columns.size(); i++) {
            SheetColumn column = columns.get(i);
            Cell cell = row.createCell(3 + i);
            cell.setCellStyle(editable.test(column) ? styles.open() : styles.grey());
            MarkCell mark = stored.get(s.id() + "/" + column.kind() + "/" + column.column());
            if (mark == null) {
                continue;
            }
            try {
                cell.setCellValue(new java.math.BigDecimal(mark.value()).doubleValue());
            } catch (NumberFormatException e) {
                cell.setCellValue(mark.value());
            }
        }
    }

    private void heading(Sheet sheet, SchoolClass c, GradeSubject gs, int term, AcademicYear year, boolean locked) {
        String school = directory.schools().stream().filter(s -> s.id().equals(year.schoolId())).findFirst()
                .map(s -> s.name()).orElse("");
        sheet.createRow(0).createCell(0).setCellValue("Trường: " + school);
        sheet.createRow(1).createCell(0).setCellValue("Lớp: " + c.code() + " — Môn: " + gs.subject().name() + " ("
                + gs.subject().code() + ") — Học kì " + term + " — Năm học " + year.startYear() + "–" + (year.startYear() + 1));
        sheet.createRow(2).createCell(0).setCellValue(locked
                ? "Sổ điểm môn này đã khoá: mọi ô đều chỉ để xem."
                : "Ô xám: không được sửa (ngoài cột được phân công). Được thêm cột TX tới mức tối đa của trường; ô để trống giữ nguyên điểm đã lưu.");
    }

    private record Styles(CellStyle bold, CellStyle open, CellStyle grey) {
    }

    private static Styles styles(XSSFWorkbook book) {
        // One set of styles per workbook: Excel limits a file to ~64,000 styles.
        if (book.getNumCellStyles() > 3) {
            return new Styles(book.getCellStyleAt(1), book.getCellStyleAt(2), book.getCellStyleAt(3));
        }
        CellStyle bold = book.createCellStyle();
        var font = book.createFont();
        font.setBold(true);
        bold.setFont(font);
        CellStyle open = book.createCellStyle();
        open.setLocked(false);
        CellStyle grey = book.createCellStyle();
        grey.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        grey.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        grey.setLocked(true);
        return new Styles(bold, open, grey);
    }

    private static String key(MarkCell c) {
        return c.studentId() + "/" + c.kind() + "/" + c.column();
    }

    private static byte[] bytes(XSSFWorkbook book) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        book.write(out);
        return out.toByteArray();
    }
}
