package vn.hocba.demo;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How large the demo school is: {@code hocba.demo.classes} classes spread over grades 6–9 (the
 * lower grades get the extra ones), named {@code 6A1, 6A2, …}, each with
 * {@code hocba.demo.students-per-class} students. The defaults are the demo school of the README:
 * 8 classes (6A1 … 9A2) of 34–36 students. A 30 × 40 school (1,200 students) is what the
 * whole-school benchmark uses (bench/README.md).
 */
@Component
class DemoSize {

    static final int DEFAULT_CLASSES = 8;
    static final int GRADES = 4;

    private final int classes;
    /** 0: today's demo sizes, 34–36 students. */
    private final int studentsPerClass;

    DemoSize(@Value("${hocba.demo.classes:" + DEFAULT_CLASSES + "}") int classes,
            @Value("${hocba.demo.students-per-class:0}") int studentsPerClass) {
        if (classes < 1 || classes > 4 * 20) {
            throw new IllegalArgumentException("hocba.demo.classes phải từ 1 đến 80 (lớp), không phải " + classes);
        }
        if (studentsPerClass < 0 || studentsPerClass > 60) {
            throw new IllegalArgumentException(
                    "hocba.demo.students-per-class phải từ 1 đến 60 (học sinh), không phải " + studentsPerClass);
        }
        this.classes = classes;
        this.studentsPerClass = studentsPerClass;
    }

    static DemoSize defaults() {
        return new DemoSize(DEFAULT_CLASSES, 0);
    }

    /** Class codes in order: all of grade 6, then grade 7, … */
    List<String> classCodes() {
        List<String> codes = new ArrayList<>();
        for (int g = 0; g < GRADES; g++) {
            int inGrade = classes / GRADES + (g < classes % GRADES ? 1 : 0);
            for (int n = 1; n <= inGrade; n++) {
                codes.add((6 + g) + "A" + n);
            }
        }
        return codes;
    }

    /** Students of the class at {@code index} in {@link #classCodes()}. */
    int students(int index) {
        return studentsPerClass > 0 ? studentsPerClass : 34 + index % 3;
    }

    int classes() {
        return classes;
    }
}
