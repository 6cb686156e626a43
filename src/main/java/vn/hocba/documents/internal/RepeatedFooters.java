package vn.hocba.documents.internal;

import java.util.HashMap;
import java.util.Map;
import org.w3c.dom.Element;
import org.xhtmlrenderer.css.style.CssContext;
import org.xhtmlrenderer.extend.ReplacedElement;
import org.xhtmlrenderer.extend.ReplacedElementFactory;
import org.xhtmlrenderer.extend.UserAgentCallback;
import org.xhtmlrenderer.layout.LayoutContext;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.PageBox;
import org.xhtmlrenderer.simple.extend.FormSubmissionListener;

/**
 * Flying Saucer's replaced elements, plus the running footer laid out once per document instead of once per page.
 *
 * <p>Flying Saucer builds and lays out a margin box's running element anew on every page (a tenth of a transcript's
 * rendering for our footer). Its layout does not depend on the page: the page number and count are filled in and the
 * line re-aligned when it is painted. So the first page of each page geometry lays it out as always; on every later
 * page of that geometry the running element is a {@link RepeatedFooter} of the same size, which paints that first
 * layout again (Flying Saucer itself paints it, with this page's numbers). Assumes what our stylesheet does: a running
 * element is shown in one margin box of a page. One per document (it keeps the document's first layouts).
 */
final class RepeatedFooters implements ReplacedElementFactory {

    /** What a running element's layout depends on besides the element: the page's size and margins. */
    private record Geometry(Element element, int width, int height, int top, int right, int bottom, int left) {

        static Geometry of(Element element, PageBox page, CssContext c) {
            var margin = page.getMargin(c);
            return new Geometry(element, page.getWidth(c), page.getHeight(c), (int) margin.top(),
                    (int) margin.right(), (int) margin.bottom(), (int) margin.left());
        }
    }

    private final ReplacedElementFactory others;
    private final Map<Geometry, BlockBox> laidOut = new HashMap<>();

    RepeatedFooters(ReplacedElementFactory others) {
        this.others = others;
    }

    @Override
    public ReplacedElement createReplacedElement(LayoutContext c, BlockBox box, UserAgentCallback uac, int cssWidth,
            int cssHeight) {
        if (box.getElement() == null || !box.getStyle().isRunning() || c.getPage() == null) {
            return others.createReplacedElement(c, box, uac, cssWidth, cssHeight);
        }
        BlockBox first = laidOut.putIfAbsent(Geometry.of(box.getElement(), c.getPage(), c), box);
        // null or this very box: the first page of this geometry, laid out as always
        return first == null || first == box ? null : new RepeatedFooter(first);
    }

    @Override
    public void reset() {
        laidOut.clear();
        others.reset();
    }

    @Override
    public void remove(Element e) {
        others.remove(e);
    }

    @Override
    public void setFormSubmissionListener(FormSubmissionListener listener) {
        others.setFormSubmissionListener(listener);
    }
}
