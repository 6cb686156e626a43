package vn.hocba.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import vn.hocba.schoolyear.SchoolDirectory;

/** Creates the demo school on first start (when no school exists yet); does nothing afterwards. */
@Component
@ConditionalOnProperty(name = "hocba.demo.enabled", havingValue = "true")
class DemoSchool implements ApplicationRunner {

    static final String CODE = "DEMO01";
    private static final Logger log = LoggerFactory.getLogger(DemoSchool.class);

    private final SchoolDirectory directory;
    private final DemoSetup setup;

    DemoSchool(SchoolDirectory directory, DemoSetup setup) {
        this.directory = directory;
        this.setup = setup;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!directory.schools().isEmpty()) {
            log.info("Database already holds a school; demo school not created");
            return;
        }
        try {
            long started = System.nanoTime();
            setup.create();
            log.info("Demo school {} created in {} ms; demo accounts are listed in README.md", CODE,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (DataIntegrityViolationException e) {
            // Another node sharing the database created it at the same moment: fine.
            log.info("Demo school was created concurrently by another node");
        }
    }
}
