package vn.hocba.audit;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import vn.hocba.audit.checkpoint.CheckpointDirectory;
import vn.hocba.audit.checkpoint.CheckpointFiles;
import vn.hocba.audit.checkpoint.CheckpointObjects;
import vn.hocba.storage.ObjectStore;

/**
 * Where checkpoints are kept, and their periodic run: in a folder ({@code hocba.audit.checkpoints.directory},
 * default {@code ${hocba.data-dir}/audit-checkpoints}), or with {@code hocba.storage.type=s3} in the shared
 * object store, so that every node anchors into and verifies against the same checkpoints.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CheckpointConfiguration {

    @Bean
    CheckpointFiles checkpointFiles(
            @Value("${hocba.audit.checkpoints.directory:${hocba.data-dir}/audit-checkpoints}") Path directory,
            @Value("${hocba.storage.type:filesystem}") String storage, ObjectStore store) {
        if ("s3".equalsIgnoreCase(storage.trim())) {
            return new CheckpointObjects(store);
        }
        return new CheckpointDirectory(directory.toAbsolutePath().normalize());
    }
}
