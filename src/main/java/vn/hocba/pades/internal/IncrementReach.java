package vn.hocba.pades.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSUpdateInfo;
import org.apache.pdfbox.pdfwriter.COSWriter;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * An incremental save of PDFBox 3.0.8 that parses only the objects of the file the increment reaches. PDFBox's
 * {@code COSWriter} (private {@code prepareIncrement}) first dereferences, i.e. parses, every object of the
 * document's cross-reference table, only to know the object number of each object it may have to refer to; on a
 * signed transcript that was about half of each save, six saves per transcript. The objects it can refer to are
 * those the increment writes and those they refer to directly, which this walks and parses first, like the writer
 * will; during the save the cross-reference table shows the writer only the objects parsed so far (every object
 * the loaded document was asked for, and those), and it is restored right after. The bytes written are PDFBox's
 * own ({@code IncrementReachTest}: byte for byte those of the full table at every revision of a transcript).
 */
final class IncrementReach {

    /** A save on a document whose cross-reference table is trimmed while it runs. */
    @FunctionalInterface
    interface Save {
        void write() throws IOException;
    }

    private IncrementReach() {
    }

    /** Runs {@code save}, which writes {@code document} incrementally with a {@link COSWriter}. */
    static void save(PDDocument document, Save save) throws IOException {
        COSDocument cos = document.getDocument();
        Map<COSObjectKey, Long> table = cos.getXrefTable();
        Map<COSObjectKey, Long> whole = new HashMap<>(table);
        parseReached(cos);
        table.keySet().removeIf(key -> !cos.getObjectFromPool(key).isDereferenced());
        try {
            save.write();
        } finally {
            table.putAll(whole);
        }
    }

    /**
     * Parses every object the writer will look at: the trailer's, those the increment writes (changed or new,
     * and new objects they refer to, found as the writer finds them) and every object they refer to.
     */
    private static void parseReached(COSDocument cos) {
        Set<COSBase> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<COSBase> written = new ArrayDeque<>();
        COSDictionary trailer = cos.getTrailer();
        written.add(trailer);
        trailer.toIncrement().forEach(written::add);
        while (!written.isEmpty()) {
            COSBase object = written.pop();
            if (object instanceof COSObject reference) {
                object = reference.getObject();
            }
            if (object == null || !visited.add(object)) {
                continue;
            }
            Iterable<COSBase> children = object instanceof COSDictionary dictionary ? dictionary.getValues()
                    : object instanceof COSArray array ? array : null;
            if (children == null) {
                continue;
            }
            for (COSBase child : children) {
                if (child instanceof COSObject reference) {
                    COSBase actual = reference.getObject(); // parsed: the writer asks for its number
                    if (actual != null && (reference.isNeedToBeUpdated() || writtenAgain(actual))) {
                        written.add(actual);
                    }
                } else if ((child instanceof COSDictionary || child instanceof COSArray)
                        && (child.isDirect() || writtenAgain(child))) {
                    written.add(child);
                }
            }
        }
    }

    /** True when the writer writes {@code object} (not only a reference to it): new, or changed. */
    private static boolean writtenAgain(COSBase object) {
        return object.getKey() == null
                || object instanceof COSUpdateInfo updatable && updatable.isNeedToBeUpdated();
    }
}
