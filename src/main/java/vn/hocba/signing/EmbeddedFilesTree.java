package vn.hocba.signing;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;

/**
 * The shape of an uploaded PDF's tree of embedded files, checked before the documents module looks in it for a
 * HocBa data attachment: it walks the tree recursively, so a tree whose kids lead back to themselves (or nest
 * deeper than any real file's) overflowed the stack of the request thread. HocBa writes a flat tree; one that
 * loops or nests more than {@link #MAX_DEPTH} levels cannot hold a HocBa attachment.
 */
final class EmbeddedFilesTree {

    static final int MAX_DEPTH = 32;

    private EmbeddedFilesTree() {
    }

    /** True when the tree (if any) has no loop and is at most {@link #MAX_DEPTH} levels deep. */
    static boolean walkable(PDDocument document) {
        PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
        COSDictionary root = names == null ? null : names.getCOSObject().getCOSDictionary(COSName.EMBEDDED_FILES);
        return root == null || walkable(root, Collections.newSetFromMap(new IdentityHashMap<>()), 0);
    }

    private static boolean walkable(COSDictionary node, Set<COSDictionary> seen, int depth) {
        if (depth > MAX_DEPTH || !seen.add(node)) {
            return false;
        }
        COSArray kids = node.getCOSArray(COSName.KIDS);
        for (int i = 0; kids != null && i < kids.size(); i++) {
            COSBase kid = kids.getObject(i);
            if (kid instanceof COSDictionary child && !walkable(child, seen, depth + 1)) {
                return false;
            }
        }
        return true;
    }
}
