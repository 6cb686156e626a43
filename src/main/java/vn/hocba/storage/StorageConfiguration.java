package vn.hocba.storage;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the document store: {@code hocba.storage.type=filesystem} (default: the data directory, one
 * node) or {@code s3} with {@code hocba.storage.endpoint}, {@code bucket}, {@code region} and
 * {@code path-style}; the access key and secret come only from the environment
 * ({@code HOCBA_STORAGE_ACCESS_KEY}, {@code HOCBA_STORAGE_SECRET_KEY}), never from a file in the
 * installation. The bucket must exist: a node does not start without it.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    /** A temporary file this old belongs to no write under way: a document is written in seconds. */
    private static final Duration UNFINISHED_WRITE_AGE = Duration.ofMinutes(15);

    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

    @Bean
    ObjectStore objectStore(@Value("${hocba.storage.type:filesystem}") String type,
            @Value("${hocba.data-dir}") Path dataDir, @Value("${hocba.storage.endpoint:}") String endpoint,
            @Value("${hocba.storage.bucket:}") String bucket, @Value("${hocba.storage.region:}") String region,
            @Value("${hocba.storage.path-style:true}") boolean pathStyle) {
        ObjectStore store = StorageSettings.open(type, dataDir, endpoint, bucket, region, pathStyle, System::getenv);
        log.info("Documents are stored in {}", store.describe());
        if (store instanceof FileSystemObjectStore files) {
            int removed = files.removeUnfinishedWrites(Instant.now().minus(UNFINISHED_WRITE_AGE));
            if (removed > 0) {
                log.info("Removed {} temporary files of writes that never finished (a stop during a write)", removed);
            }
        }
        return store;
    }
}
