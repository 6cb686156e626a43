package vn.hocba.cli;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application without its web server, for commands that need the database: same settings as
 * the server (HOCBA_DATA_DIR, SPRING_DATASOURCE_*, --key=value), no demo loading, no job
 * execution, no scheduled audit checkpoint, and none of Camunda's web parts.
 */
final class OfflineApplication {

    private static final String WEB_PARTS = "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration";

    private OfflineApplication() {
    }

    static ConfigurableApplicationContext start(Class<?> application, List<String> options) {
        List<String> args = new ArrayList<>(options);
        args.addAll(List.of("--hocba.demo.enabled=false", "--camunda.bpm.job-execution.enabled=false",
                "--hocba.audit.checkpoints.schedule=-",
                "--spring.autoconfigure.exclude=" + WEB_PARTS, "--spring.main.banner-mode=off",
                "--logging.level.root=WARN"));
        return new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new));
    }
}
