package vn.hocba.documents;

import java.util.Optional;

/**
 * One document of a batch to render ({@link DocumentRenderer#renderAll}): its data and, for a transcript, the
 * source record it embeds as an associated file.
 */
public record RenderItem(DocumentData data, Optional<SourceAttachment> source) {

    /** A document that embeds only its own data. */
    public static RenderItem of(DocumentData data) {
        return new RenderItem(data, Optional.empty());
    }
}
