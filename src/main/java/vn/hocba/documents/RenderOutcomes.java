package vn.hocba.documents;

/** Receives each document of {@link DocumentRenderer#renderAll} as it is done, in the items' order. */
public interface RenderOutcomes {

    void rendered(int index, RenderedDocument rendered, byte[] pdf);

    /** The document at {@code index} could not be rendered; the others still are. */
    void failed(int index, RuntimeException cause);
}
