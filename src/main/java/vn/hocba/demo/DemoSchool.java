package vn.hocba.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import vn.hocba.schoolyear.SchoolDirectory;

/**
 * Creates the demo school on first start (when no school exists yet); does nothing afterwards.
 * It runs as a start-up phase before the web server's (Spring Boot starts the server in phase
 * {@code Integer.MAX_VALUE - 2048}), so the server accepts connections only once the demo accounts
 * exist: created by an {@code ApplicationRunner}, as before, they were missing for the 10–20 s after
 * "Started" and every login was answered "wrong password".
 */
@Component
@ConditionalOnProperty(name = "hocba.demo.enabled", havingValue = "true")
class DemoSchool implements SmartLifecycle {

    /** Before the web server starts (its phase is {@code Integer.MAX_VALUE - 2048}). */
    static final int PHASE = Integer.MAX_VALUE - 4096;

    static final String CODE = "DEMO01";
    /** The demo school's commune (xã/phường/đặc khu), on the covers of its 2025-2026 transcripts. */
    static final String COMMUNE = "Phường Cầu Giấy";
    private static final Logger log = LoggerFactory.getLogger(DemoSchool.class);

    private final SchoolDirectory directory;
    private final DemoSetup setup;
    private volatile boolean running;

    DemoSchool(SchoolDirectory directory, DemoSetup setup) {
        this.directory = directory;
        this.setup = setup;
    }

    @Override
    public void start() {
        if (!running) {
            createUnlessASchoolExists();
            running = true;
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private void createUnlessASchoolExists() {
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
