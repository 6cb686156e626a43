package vn.hocba.documents.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.hocba.gradebook.homeroom.HomeroomRecords;
import vn.hocba.gradebook.homeroom.HomeroomRecords.MonthlyAbsences;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.support.EmbeddedPostgresDatabases;

/**
 * A class's documents read their absences from one query over the year's months: the same months, days and P/K
 * counts per student as the attendance screens' month-by-month queries, for every class of the demo school.
 */
@SpringBootTest
class ClassDocumentsSourceOnPostgresTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabases.register(registry, "class_documents_source");
    }

    @Autowired
    ClassDocumentsSource source;
    @Autowired
    HomeroomRecords homeroom;
    @Autowired
    SchoolDirectory directory;

    @Test
    void absencesOfTheYearsMonthsAreThoseOfTheMonthByMonthQueries() {
        var year = directory.activeYear(directory.schools().get(0).id()).orElseThrow();
        int days = 0;
        for (SchoolClass schoolClass : directory.classes(year.id())) {
            ClassRecords records = source.load(schoolClass.id());
            List<YearMonth> months = records.months(0);
            assertThat(records.absences().keySet()).containsExactlyElementsOf(months);
            assertThat(records.absenceDays().keySet()).containsExactlyElementsOf(months);
            for (YearMonth month : months) {
                Map<Long, MonthlyAbsences> monthly = homeroom.monthly(schoolClass, month).stream()
                        .collect(Collectors.toMap(MonthlyAbsences::studentId, a -> a));
                assertThat(records.absences().get(month)).as(schoolClass.code() + " " + month).isEqualTo(monthly);
                assertThat(records.absenceDays().get(month)).as(schoolClass.code() + " " + month)
                        .isEqualTo(homeroom.days(schoolClass, month));
                days += records.absenceDays().get(month).size();
            }
        }
        assertThat(days).as("the demo school has absences to compare").isPositive();
    }
}
