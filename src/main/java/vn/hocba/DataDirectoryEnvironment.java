package vn.hocba;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code hocba.data-dir} absolute before anything uses it: H2 refuses database paths that
 * are implicitly relative to the working directory, and log lines should name the real place.
 */
public class DataDirectoryEnvironment implements EnvironmentPostProcessor {

    static final String PROPERTY = "hocba.data-dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(PROPERTY, "./data");
        String absolute = Path.of(configured).toAbsolutePath().normalize().toString();
        environment.getPropertySources()
                .addFirst(new MapPropertySource("hocbaDataDirectory", Map.of(PROPERTY, absolute)));
    }
}
