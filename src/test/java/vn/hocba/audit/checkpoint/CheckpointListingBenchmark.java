package vn.hocba.audit.checkpoint;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What each audit anchor pays to find the newest checkpoint of the chain in the checkpoint folder
 * ({@link CheckpointDirectory#newest}), as the folder fills: one checkpoint is made per signing batch (every subject
 * teacher's sheet request, every homeroom, principal, seal, LT/LTA and lock batch), so the 1,200-student school's
 * year end makes thousands (issue 19, session 24). Thread CPU per call at each size, median of 200 calls after 50
 * warm-up calls. Arguments: the sizes (default 250 500 1000 2000 4000). Not a test.
 */
public final class CheckpointListingBenchmark {

    private CheckpointListingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String a : args) {
            sizes.add(Integer.parseInt(a));
        }
        if (sizes.isEmpty()) {
            sizes.addAll(List.of(250, 500, 1000, 2000, 4000));
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        Path root = Files.createTempDirectory("checkpoint-listing-bench");
        String chain = "7482d41b-1b1c-49cb-b1ac-71533eb48539";
        Path directory = Files.createDirectories(root.resolve(chain));
        CheckpointDirectory files = new CheckpointDirectory(root);
        int made = 0;
        for (int size : sizes) {
            for (; made < size; made++) {
                Path checkpoint = Files.createDirectory(directory.resolve(String.format("%012d", 41L * (made + 1))));
                Files.write(checkpoint.resolve(CheckpointFiles.JSON), new byte[] {'{', '}'});
                Files.write(checkpoint.resolve(CheckpointFiles.SIGNATURE), new byte[1]);
                Files.write(checkpoint.resolve(CheckpointFiles.TIME_STAMP), new byte[1]);
            }
            List<Double> micros = new ArrayList<>();
            long sink = 0;
            for (int i = 0; i < 250; i++) {
                long started = cpu.getCurrentThreadCpuTime();
                sink += files.newest(chain).orElseThrow().entryId();
                if (i >= 50) {
                    micros.add((cpu.getCurrentThreadCpuTime() - started) / 1e3);
                }
            }
            Collections.sort(micros);
            System.out.printf("%d checkpoints: newest in %.0f µs CPU (median of %d calls; sink %d)%n", size,
                    micros.get(micros.size() / 2), micros.size(), sink);
        }
    }
}
