package vn.hocba.documents.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.css.CSSPrimitiveValue;
import org.xhtmlrenderer.context.StandardAttributeResolver;
import org.xhtmlrenderer.context.StyleReference;
import org.xhtmlrenderer.css.extend.lib.DOMTreeResolver;
import org.xhtmlrenderer.css.newmatch.CascadedStyle;
import org.xhtmlrenderer.css.newmatch.Matcher;
import org.xhtmlrenderer.css.newmatch.PageInfo;
import org.xhtmlrenderer.css.sheet.FontFaceRule;
import org.xhtmlrenderer.css.sheet.Stylesheet;
import org.xhtmlrenderer.css.sheet.StylesheetInfo;
import org.xhtmlrenderer.extend.NamespaceHandler;
import org.xhtmlrenderer.extend.UserAgentCallback;
import org.xhtmlrenderer.extend.UserInterface;
import org.xhtmlrenderer.layout.SharedContext;
import org.xhtmlrenderer.swing.NaiveUserAgent;

/**
 * Flying Saucer's style reference (stylesheets, selector matching, cascade), with what it parses kept from one
 * document to the next: Flying Saucer's default stylesheet, {@code document.css} (inlined by the templates, so
 * known by its content) and the declarations of {@code style} attributes and table attributes ({@code colspan}
 * becomes {@code -fs-table-cell-colspan: 2}), which repeat across documents. Parsing them again for every
 * document gave the same objects at a tenth of a transcript's cost. The matching and cascade are Flying Saucer's
 * {@link Matcher}, fresh for each document, asked only for element shapes not matched before ({@link MatchedStyles}).
 * That matcher is built only when a document needs it: building one sorts every selector of the stylesheets (a
 * fortieth of a transcript's layout), and once a run's shapes are known most documents need none. What else it
 * answers depends on the stylesheets alone and is kept with them ({@link PageRules}), and so are the styles computed
 * from the cascaded ones ({@link ComputedStyles}). One per {@link PdfLayout}, i.e. per thread.
 */
final class DocumentStyles extends StyleReference {

    private final ParsedStylesheets parsed;
    private final MatchedStyles matched = new MatchedStyles();
    private final PageRules pages = new PageRules();
    private final ComputedStyles computed = new ComputedStyles();
    private UserAgentCallback agent;
    /** The document's, until {@link #forgetDocument()}: what its matcher would be built with. */
    private List<Stylesheet> sheets;
    private NamespaceHandler namespace;
    private UserInterface ui;
    private String medium;
    /** Built on first use in a document ({@link #matcher()}). */
    private Matcher matcher;

    DocumentStyles(UserAgentCallback agent) {
        super(agent);
        this.agent = agent;
        // its own agent, only to read Flying Saucer's default stylesheet: a document's agent would be kept alive
        this.parsed = new ParsedStylesheets(new NaiveUserAgent());
    }

    @Override
    public void setUserAgentCallback(UserAgentCallback userAgentCallback) {
        super.setUserAgentCallback(userAgentCallback);
        this.agent = userAgentCallback;
    }

    @Override
    public void setDocumentContext(SharedContext context, NamespaceHandler namespace, Document doc, UserInterface ui) {
        List<StylesheetInfo> infos = new ArrayList<>();
        namespace.getDefaultStylesheet().ifPresent(infos::add);
        infos.addAll(namespace.getStylesheets(doc));
        this.sheets = sheets(infos, context.getMedia());
        this.namespace = namespace;
        this.ui = ui;
        this.medium = context.getMedia();
        this.matcher = null;
        matched.startDocument(sheets);
        pages.startDocument(sheets, medium);
        Element root = doc.getDocumentElement();
        computed.startDocument(context, root, getCascadedStyle(root, false), matched.generation());
    }

    private Matcher matcher() {
        if (matcher == null) {
            matcher = new Matcher(new DOMTreeResolver(), new StandardAttributeResolver(namespace, agent, ui), parsed,
                    sheets, medium);
        }
        return matcher;
    }

    /** Lets go of the last document (its tree and styles); what was parsed stays. */
    void forgetDocument() {
        matcher = null;
        sheets = null;
        namespace = null;
        ui = null;
        matched.endDocument();
        agent = null;
        super.setUserAgentCallback(null);
    }

    private List<Stylesheet> sheets(List<StylesheetInfo> infos, String medium) {
        List<Stylesheet> result = new ArrayList<>(infos.size());
        for (StylesheetInfo info : infos) {
            if (info.appliesToMedia(medium)) {
                Stylesheet sheet = parsed.getStylesheet(info);
                if (sheet != null) {
                    result.addAll(sheets(sheet.getImportRules(), medium));
                    result.add(sheet);
                }
            }
        }
        return result;
    }

    @Override
    public boolean isHoverStyled(Element e) {
        return matcher().isHoverStyled(e);
    }

    @Override
    public Map<String, CSSPrimitiveValue> getCascadedPropertiesMap(Element e) {
        Map<String, CSSPrimitiveValue> properties = new LinkedHashMap<>();
        matcher().getCascadedStyle(e, false).getCascadedPropertyDeclarations().forEachRemaining(
                d -> properties.put(d.getPropertyName(), d.getValue()));
        return properties;
    }

    @Override
    public CascadedStyle getPseudoElementStyle(Node node, String pseudoElement) {
        Element e = node.getNodeType() == Node.ELEMENT_NODE ? (Element) node : (Element) node.getParentNode();
        return matched.pseudoElementStyle(e, pseudoElement,
                (element, name) -> matcher().getPECascadedStyle(element, name));
    }

    @Override
    public CascadedStyle getCascadedStyle(Element e, boolean restyle) {
        return e == null ? CascadedStyle.emptyCascadedStyle
                : matched.style(e, element -> matcher().getCascadedStyle(element, restyle));
    }

    @Override
    public PageInfo getPageStyle(String pageName, String pseudoPage) {
        return pages.pageStyle(pageName, pseudoPage, () -> matcher().getPageCascadedStyle(pageName, pseudoPage));
    }

    @Override
    public List<FontFaceRule> getFontFaceRules() {
        return pages.fontFaceRules();
    }

    /** Nothing to flush: what is kept does not depend on the document. */
    @Override
    public void flushStyleSheets() {
    }

    @Override
    public void flushAllStyleSheets() {
    }
}
