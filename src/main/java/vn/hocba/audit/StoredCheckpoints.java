package vn.hocba.audit;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.hocba.audit.checkpoint.CheckpointDocument;
import vn.hocba.audit.checkpoint.CheckpointFiles;
import vn.hocba.audit.checkpoint.CheckpointSeal;
import vn.hocba.audit.checkpoint.CheckpointSignature;
import vn.hocba.common.Sha256;

/**
 * The checkpoints of one chain that can be trusted (signature by the school seal, time-stamps valid,
 * naming this chain), and what is wrong with the others: a checkpoint that does not verify, a missing
 * or replaced predecessor, or a directory holding only other chains' checkpoints.
 */
final class StoredCheckpoints {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    /** A trusted checkpoint with the time its signature's time-stamp certifies. */
    record Anchor(CheckpointDocument document, Instant time, String sha256) {

        long entryId() {
            return document.entryId();
        }

        /** "mốc kiểm toán lúc 05/12/2026 10:00 (đến mục 1250)". */
        String describe() {
            return "mốc kiểm toán lúc " + TIME.format(time) + " (đến mục " + entryId() + ")";
        }
    }

    /** Something the check found; {@code entry} is the first entry concerned, if any. */
    record Finding(Long entry, String message) {
    }

    private final List<Anchor> anchors = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();

    private StoredCheckpoints() {
    }

    static StoredCheckpoints load(String chain, CheckpointFiles files, CheckpointSeal seal) {
        StoredCheckpoints result = new StoredCheckpoints();
        List<CheckpointFiles.Stored> stored = chain == null ? List.of() : files.of(chain);
        if (stored.isEmpty()) {
            List<String> others = files.otherChains(chain == null ? "" : chain);
            if (!others.isEmpty()) {
                result.findings.add(new Finding(null, "Nơi lưu mốc kiểm toán " + files.root() + " chỉ có mốc của chuỗi khác ("
                        + String.join(", ", others) + "), không có mốc nào của chuỗi trong cơ sở dữ liệu này ("
                        + (chain == null ? "chưa có mã chuỗi" : chain) + "): đây không phải cơ sở dữ liệu đã được neo, "
                        + "hoặc mã chuỗi đã bị thay."));
            }
            return result;
        }
        CheckpointSeal.Checker checker = seal.checker();
        for (CheckpointFiles.Stored s : stored) {
            result.check(chain, s, checker);
        }
        result.checkPredecessors();
        return result;
    }

    List<Anchor> anchors() {
        return anchors;
    }

    List<Finding> findings() {
        return findings;
    }

    private void check(String chain, CheckpointFiles.Stored stored, CheckpointSeal.Checker seal) {
        try {
            byte[] json = stored.json();
            CheckpointSignature.Checked checked = seal.verify(json, stored.signature(), stored.timeStamp());
            CheckpointDocument document = CheckpointDocument.fromJson(json);
            if (!chain.equals(document.chain()) || document.entryId() != stored.entryId()) {
                findings.add(new Finding(stored.entryId(), "Mốc kiểm toán " + stored.location()
                        + " không khớp với vị trí của nó (chuỗi " + document.chain() + ", mục " + document.entryId() + ")."));
                return;
            }
            anchors.add(new Anchor(document, checked.time(), Sha256.hex(json)));
        } catch (CheckpointSignature.Refused e) {
            findings.add(new Finding(stored.entryId(), "Mốc kiểm toán " + stored.location() + " không đáng tin: "
                    + e.getMessage() + "."));
        } catch (IOException | RuntimeException e) {
            findings.add(new Finding(stored.entryId(), "Mốc kiểm toán " + stored.location() + " không đọc được: "
                    + e.getMessage() + "."));
        }
    }

    /** Each checkpoint names its predecessor: one deleted or replaced since is found too. */
    private void checkPredecessors() {
        for (Anchor anchor : anchors) {
            CheckpointDocument.Previous previous = anchor.document().previous();
            if (previous == null) {
                continue;
            }
            Anchor before = anchors.stream().filter(a -> a.entryId() == previous.entryId()).findFirst().orElse(null);
            if (before == null) {
                findings.add(new Finding(previous.entryId(), "Mốc kiểm toán đến mục " + previous.entryId() + " (mốc trước "
                        + anchor.describe() + ") không còn, hoặc không đáng tin."));
            } else if (!Objects.equals(before.sha256(), previous.sha256())) {
                findings.add(new Finding(previous.entryId(), "Mốc kiểm toán đến mục " + previous.entryId()
                        + " đã bị thay: không phải mốc mà " + anchor.describe() + " đã ghi nhận."));
            }
        }
    }
}
