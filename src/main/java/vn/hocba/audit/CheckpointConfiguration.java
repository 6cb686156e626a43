package vn.hocba.audit;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import vn.hocba.audit.checkpoint.CheckpointFiles;

/** Where checkpoints are kept ({@code hocba.audit.checkpoints.directory}), and their periodic run. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CheckpointConfiguration {

    @Bean
    CheckpointFiles checkpointFiles(
            @Value("${hocba.audit.checkpoints.directory:${hocba.data-dir}/audit-checkpoints}") Path directory) {
        return new CheckpointFiles(directory.toAbsolutePath().normalize());
    }
}
