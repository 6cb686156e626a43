package vn.hocba.audit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The newest checkpoint of a chain, which every audit anchor links to: the complete checkpoint with the highest
 * entry id, whatever else lies in the chain's folder (a write under way, a folder without its document, other names),
 * and the last of all the chain's checkpoints.
 */
class CheckpointDirectoryTest {

    private static final String CHAIN = "7482d41b-1b1c-49cb-b1ac-71533eb48539";

    @TempDir
    Path root;

    @Test
    void theNewestIsTheCompleteCheckpointWithTheHighestEntryId() throws IOException {
        CheckpointDirectory files = new CheckpointDirectory(root);
        assertThat(files.newest(CHAIN)).isEmpty();
        for (long id : new long[] {41, 1230, 82, 999_999_999_999L / 1000}) {
            assertThat(files.write(CHAIN, id, new byte[] {'{', '}'}, new byte[1], new byte[1])).isTrue();
        }
        Path chain = root.resolve(CHAIN);
        Files.createDirectories(chain.resolve("000000005000")); // no checkpoint.json: not complete
        Files.createDirectories(chain.resolve(".writing-123"));
        Files.createDirectories(chain.resolve("0000000060000")); // 13 digits: not a checkpoint
        Files.writeString(chain.resolve("000000007000"), "a file, not a folder");

        assertThat(files.newest(CHAIN)).map(CheckpointFiles.Stored::entryId).contains(999_999_999L);
        assertThat(files.of(CHAIN)).extracting(CheckpointFiles.Stored::entryId).containsExactly(41L, 82L, 1230L,
                999_999_999L);
        assertThat(files.newest(CHAIN).orElseThrow().json()).isEqualTo(new byte[] {'{', '}'});

        Files.delete(chain.resolve("000999999999").resolve(CheckpointFiles.JSON));
        assertThat(files.newest(CHAIN)).map(CheckpointFiles.Stored::entryId).contains(1230L);
        assertThat(files.newest("another-chain")).isEmpty();
    }
}
