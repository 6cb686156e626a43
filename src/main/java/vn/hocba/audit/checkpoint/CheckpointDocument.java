package vn.hocba.audit.checkpoint;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one checkpoint says about the audit chain ({@code hocba.audit-checkpoint/1}): the head when it
 * was made (entry id, its hash, how many entries the chain had), when and on what occasion, the
 * checkpoint before it (entry id and SHA-256 of its JSON file), and a digest of the content of every
 * entry added since that previous checkpoint, so that a later check can name the entries changed,
 * removed or inserted and not only say that the chain differs.
 *
 * @param digests for every entry after {@code previous} (all entries for the first checkpoint), in id order
 */
public record CheckpointDocument(String chain, long entryId, String entryHash, long entries, Instant createdAt,
        String occasion, Previous previous, List<EntryDigest> digests) {

    public static final String FORMAT = "hocba.audit-checkpoint/1";
    static final String DIGEST_ALGORITHM = "SHA-256 of the entry's canonical content (the text its chain hash covers, "
            + "without the previous hash), first 16 bytes, hex";

    /** The checkpoint before this one. */
    public record Previous(long entryId, String sha256) {
    }

    /** An entry's id and its content digest. */
    public record EntryDigest(long id, String digest) {
    }

    /** The entries up to which the previous checkpoint reached: 0 for the first. */
    public long coveredFrom() {
        return previous == null ? 0 : previous.entryId();
    }

    /** The JSON file: UTF-8, one digest per line, the same bytes for the same content. */
    public byte[] toJson() {
        StringBuilder out = new StringBuilder("{\n");
        out.append("  \"format\": ").append(quote(FORMAT)).append(",\n");
        out.append("  \"chain\": ").append(quote(chain)).append(",\n");
        out.append("  \"entryId\": ").append(entryId).append(",\n");
        out.append("  \"entryHash\": ").append(quote(entryHash)).append(",\n");
        out.append("  \"entries\": ").append(entries).append(",\n");
        out.append("  \"createdAt\": ").append(quote(createdAt.toString())).append(",\n");
        out.append("  \"occasion\": ").append(quote(occasion)).append(",\n");
        out.append("  \"previous\": ").append(previous == null ? "null"
                : "{\"entryId\": " + previous.entryId() + ", \"sha256\": " + quote(previous.sha256()) + "}").append(",\n");
        out.append("  \"digestAlgorithm\": ").append(quote(DIGEST_ALGORITHM)).append(",\n");
        out.append("  \"digests\": [");
        for (int i = 0; i < digests.size(); i++) {
            EntryDigest d = digests.get(i);
            out.append(i == 0 ? "\n" : ",\n").append("    [").append(d.id()).append(", ").append(quote(d.digest())).append(']');
        }
        out.append(digests.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a checkpoint's JSON file. */
    public static CheckpointDocument fromJson(byte[] json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IOException("không phải tệp " + FORMAT);
        }
        JsonNode previous = root.path("previous");
        List<EntryDigest> digests = new ArrayList<>();
        for (JsonNode d : root.path("digests")) {
            digests.add(new EntryDigest(d.get(0).asLong(), d.get(1).asText()));
        }
        return new CheckpointDocument(text(root, "chain"), root.path("entryId").asLong(), text(root, "entryHash"),
                root.path("entries").asLong(), Instant.parse(text(root, "createdAt")), root.path("occasion").asText(),
                previous.isObject() ? new Previous(previous.path("entryId").asLong(), text(previous, "sha256")) : null,
                digests);
    }

    private static String text(JsonNode node, String field) throws IOException {
        if (!node.path(field).isTextual()) {
            throw new IOException("thiếu trường " + field);
        }
        return node.path(field).asText();
    }

    private static String quote(String text) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + '"';
    }
}
