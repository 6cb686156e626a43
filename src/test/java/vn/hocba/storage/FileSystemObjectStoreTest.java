package vn.hocba.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemObjectStoreTest {

    @TempDir
    Path dataDir;

    @Test
    void aWriteCutShortLeavesATemporaryFileThatTheNextStartRemovesWithoutTouchingStoredObjects() throws Exception {
        FileSystemObjectStore store = new FileSystemObjectStore(dataDir);
        byte[] pdf = "%PDF-1.7 học bạ".getBytes(StandardCharsets.UTF_8);
        store.put("exports/2025-2026/6A1-v1.zip", "gói xuất 6A1", out -> new ByteArrayInputStream(pdf).transferTo(out));
        Path folder = dataDir.resolve("exports/2025-2026");
        Path killedLongAgo = Files.writeString(folder.resolve(".writing-123.part"), "nửa tệp");
        Files.setLastModifiedTime(killedLongAgo, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path stillBeingWritten = Files.writeString(folder.resolve(".writing-456.part"), "đang ghi");

        int removed = store.removeUnfinishedWrites(Instant.now().minus(Duration.ofMinutes(15)));

        assertThat(removed).isEqualTo(1);
        assertThat(killedLongAgo).doesNotExist();
        assertThat(stillBeingWritten).exists();
        assertThat(store.list("exports/")).containsExactly("exports/2025-2026/6A1-v1.zip");
        try (var in = store.open("exports/2025-2026/6A1-v1.zip", null, "gói xuất 6A1")) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }
    }

    @Test
    void anEmptyInstallationHasNothingToRemove() {
        assertThat(new FileSystemObjectStore(dataDir.resolve("chưa-có")).removeUnfinishedWrites(Instant.now())).isZero();
    }
}
