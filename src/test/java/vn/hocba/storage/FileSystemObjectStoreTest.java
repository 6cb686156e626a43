package vn.hocba.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void aWholeReadReturnsTheBytesOnlyWhenTheyAreTheRecordedOnes() throws Exception {
        FileSystemObjectStore store = new FileSystemObjectStore(dataDir);
        byte[] pdf = new byte[300_000];
        new java.util.Random(7).nextBytes(pdf);
        String key = "signed/6A1/HB-1-v1/4-con-dau.pdf";
        String sha256 = store.put(key, "HB-1", out -> out.write(pdf)).sha256();
        assertThat(sha256).isEqualTo(vn.hocba.common.Sha256.hex(pdf));

        assertThat(store.read(key, sha256, "HB-1")).isEqualTo(pdf);
        assertThat(store.read(key, " " + sha256.toUpperCase() + " ", "HB-1")).isEqualTo(pdf);
        assertThat(store.read(key, null, "HB-1")).isEqualTo(pdf); // nothing recorded yet: nothing to check against
        assertThatThrownBy(() -> store.read(key, vn.hocba.common.Sha256.hex("khác"), "HB-1"))
                .isInstanceOf(StoredObjectException.class).hasMessageContaining("HB-1").hasMessageContaining("bị thay đổi");
        assertThatThrownBy(() -> store.read("signed/6A1/HB-2-v1/4-con-dau.pdf", sha256, "HB-2"))
                .isInstanceOf(StoredObjectException.class).hasMessageContaining("Không tìm thấy").hasMessageContaining("HB-2");

        // An issued document's file keeps its hash beside it: with no database hash, that one is checked.
        String issued = "documents/transcript/HB-3-v1.pdf";
        store.put(issued, "HB-3", out -> out.write(pdf));
        store.recordHash(issued, sha256);
        assertThat(store.read(issued, null, "HB-3")).isEqualTo(pdf);
        Path file = dataDir.resolve(issued);
        file.toFile().setWritable(true);
        byte[] altered = pdf.clone();
        altered[123_456] ^= 1;
        Files.write(file, altered);
        assertThatThrownBy(() -> store.read(issued, null, "HB-3")).isInstanceOf(StoredObjectException.class)
                .hasMessageContaining("bị thay đổi");
        assertThatThrownBy(() -> store.read(issued, sha256, "HB-3")).isInstanceOf(StoredObjectException.class)
                .hasMessageContaining("bị thay đổi");
    }

    @Test
    void anEmptyInstallationHasNothingToRemove() {
        assertThat(new FileSystemObjectStore(dataDir.resolve("chưa-có")).removeUnfinishedWrites(Instant.now())).isZero();
    }
}
