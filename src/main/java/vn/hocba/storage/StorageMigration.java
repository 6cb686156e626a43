package vn.hocba.storage;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies an installation's documents from one store to another (the data directory to a bucket) and
 * verifies every object by reading it back from the target and comparing its SHA-256 with the source's.
 * Only the document prefixes are copied: the development PKI, the embedded database and any key
 * material under the data directory never go to the object store. Run again, it copies what is missing
 * and verifies everything again; an object already in the target with other bytes is a failure, never
 * overwritten.
 */
public final class StorageMigration {

    /** What lives in the object store: issued documents, signed revisions, export packages, audit checkpoints. */
    public static final List<String> DOCUMENT_PREFIXES = List.of("documents/", "signed/", "exports/",
            "audit-checkpoints/");

    /** What one migration did. */
    public record Report(int copied, int alreadyThere, List<String> failures) {

        public boolean complete() {
            return failures.isEmpty();
        }
    }

    private StorageMigration() {
    }

    public static Report migrate(ObjectStore from, ObjectStore to, PrintStream progress) {
        int copied = 0;
        int already = 0;
        List<String> failures = new ArrayList<>();
        for (String prefix : DOCUMENT_PREFIXES) {
            for (String key : from.list(prefix)) {
                try {
                    StoredObject source = from.stat(key).orElseThrow();
                    boolean present = to.exists(key);
                    if (!present) {
                        try (var in = from.open(key, source.sha256(), key)) {
                            to.put(key, key, in::transferTo);
                        }
                        copied++;
                    } else {
                        already++;
                    }
                    StoredObject target = to.verify(key, source.sha256(), key);
                    if (target.size() != source.size()) {
                        failures.add(key + ": " + target.size() + " bytes in the target, " + source.size() + " here");
                    }
                } catch (RuntimeException | java.io.IOException e) {
                    failures.add(key + ": " + e.getMessage());
                }
                if ((copied + already) % 500 == 0 && copied + already > 0) {
                    progress.println("  … " + (copied + already) + " tệp");
                }
            }
        }
        return new Report(copied, already, List.copyOf(failures));
    }
}
