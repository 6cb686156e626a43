package vn.hocba.gradebook.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.ConfigurableApplicationContext;
import vn.hocba.audit.Actor;
import vn.hocba.gradebook.ClassGradebookAssembler;
import vn.hocba.gradebook.excel.ExcelUpload;
import vn.hocba.gradebook.interchange.GradebookImport;
import vn.hocba.gradebook.MarkSheet;
import vn.hocba.gradebook.MarkSheets;
import vn.hocba.gradebook.excel.UploadPreview;
import vn.hocba.grading.json.GradebookJson;
import vn.hocba.schoolyear.AssessedBy;
import vn.hocba.schoolyear.ColumnRange;
import vn.hocba.schoolyear.GradeSubject;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;

/**
 * Imports of one whole class (35 students × 12 subjects), every term II mark changed each run:
 * as one {@code hocba.class-gradebook/1} document, and as 12 Excel sheets (preview + apply each).
 */
final class ClassImportRun {

    private static final int RUNS = 5;

    private final ConfigurableApplicationContext app;
    private final SchoolDirectory directory;
    private final SchoolClass schoolClass;

    ClassImportRun(ConfigurableApplicationContext app) {
        this.app = app;
        this.directory = app.getBean(SchoolDirectory.class);
        var year = directory.activeYear(directory.schools().get(0).id()).orElseThrow();
        this.schoolClass = directory.classByCode(year.id(), "9A2").orElseThrow();
    }

    void run() throws Exception {
        GradebookImport imports = app.getBean(GradebookImport.class);
        ClassGradebookAssembler assembler = app.getBean(ClassGradebookAssembler.class);
        Actor principal = new Actor("hieutruong", "PRINCIPAL", "127.0.0.1");
        double[] json = new double[RUNS];
        int changed = 0;
        for (int r = 0; r <= RUNS; r++) {
            String document = changedDocument(new GradebookJson().write(assembler.assemble(schoolClass)), r);
            long start = System.nanoTime();
            changed = imports.importJson(schoolClass, document, principal).changed();
            if (r > 0) {
                json[r - 1] = (System.nanoTime() - start) / 1e6;
            }
        }
        System.out.printf("JSON import of class %s (%d marks changed per run): median %.0f ms of %d runs %s%n",
                schoolClass.code(), changed, Latencies.median(json), RUNS, java.util.Arrays.toString(json));
        double[] excel = new double[RUNS];
        for (int r = 0; r <= RUNS; r++) {
            double ms = excelRound(r);
            if (r > 0) {
                excel[r - 1] = ms;
            }
        }
        System.out.printf("Excel: 12 subject sheets of class %s, preview + apply each: median %.0f ms of %d runs %s%n",
                schoolClass.code(), Latencies.median(excel), RUNS, java.util.Arrays.toString(excel));
    }

    /** The exported document with every term II mark set to a value alternating per run. */
    private static String changedDocument(String exported, int run) throws Exception {
        ObjectNode root = (ObjectNode) GradebookJson.parse(exported);
        for (JsonNode student : root.path("students")) {
            for (JsonNode subject : student.path("marks")) {
                ObjectNode hk2 = (ObjectNode) subject.path("HK2");
                boolean comment = hk2.path("regular").size() > 0 && hk2.path("regular").get(0).isTextual();
                JsonNode regular = comment ? hk2.textNode(run % 2 == 0 ? "CĐ" : "Đ") : hk2.numberNode(new BigDecimal(run % 2 == 0 ? 6 : 9));
                JsonNode periodic = comment ? regular : hk2.numberNode(new BigDecimal(run % 2 == 0 ? "6.5" : "8.5"));
                ArrayNode list = (ArrayNode) hk2.path("regular");
                for (int i = 0; i < list.size(); i++) {
                    list.set(i, regular);
                }
                hk2.set("midterm", periodic);
                hk2.set("final", periodic);
            }
        }
        return root.toString();
    }

    private double excelRound(int run) throws Exception {
        ExcelUpload upload = app.getBean(ExcelUpload.class);
        MarkSheets sheets = app.getBean(MarkSheets.class);
        Actor teacher = new Actor("bench-excel", "SUBJECT_TEACHER", "127.0.0.1");
        List<byte[]> files = new ArrayList<>();
        List<GradeSubject> subjects = directory.gradeSubjects(schoolClass.yearId(), schoolClass.grade());
        for (GradeSubject gs : subjects) {
            files.add(workbook(sheets.sheet(schoolClass, gs.subject().id(), 2), gs.subject().assessment() == AssessedBy.COMMENT, run));
        }
        long start = System.nanoTime();
        for (int i = 0; i < subjects.size(); i++) {
            var subject = subjects.get(i).subject().id();
            UploadPreview preview = upload.preview(schoolClass, subject, 2, List.of(ColumnRange.WHOLE), files.get(i), "bench.xlsx",
                    teacher.username());
            if (!preview.applicable()) {
                throw new IllegalStateException(preview.problems() + " " + preview.counts());
            }
            upload.apply(preview.id(), schoolClass, subject, 2, List.of(ColumnRange.WHOLE), teacher);
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static byte[] workbook(MarkSheet sheet, boolean comment, int run) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = book.createSheet(sheet.subjectCode());
            String[] headers = {"Mã HS", "TX1", "TX2", "Giữa kì", "Cuối kì"};
            Row header = s.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
            }
            int r = 1;
            for (MarkSheet.Student student : sheet.students()) {
                Row row = s.createRow(r++);
                row.createCell(0).setCellValue(student.code());
                for (int i = 1; i < headers.length; i++) {
                    if (comment) {
                        row.createCell(i).setCellValue(run % 2 == 0 ? "Đ" : "CĐ");
                    } else {
                        row.createCell(i).setCellValue(i <= 2 ? (run % 2 == 0 ? 5 : 10) : (run % 2 == 0 ? 5.5 : 9.5));
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
