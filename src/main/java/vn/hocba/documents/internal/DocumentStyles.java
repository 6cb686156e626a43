package vn.hocba.documents.internal;

import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.css.CSSPrimitiveValue;
import org.xhtmlrenderer.context.StandardAttributeResolver;
import org.xhtmlrenderer.context.StyleReference;
import org.xhtmlrenderer.context.StylesheetFactoryImpl;
import org.xhtmlrenderer.css.extend.StylesheetFactory;
import org.xhtmlrenderer.css.extend.lib.DOMTreeResolver;
import org.xhtmlrenderer.css.newmatch.CascadedStyle;
import org.xhtmlrenderer.css.newmatch.Matcher;
import org.xhtmlrenderer.css.newmatch.PageInfo;
import org.xhtmlrenderer.css.sheet.FontFaceRule;
import org.xhtmlrenderer.css.sheet.Ruleset;
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
 * One per {@link PdfLayout}, i.e. per thread.
 */
final class DocumentStyles extends StyleReference {

    /** Bounds the declarations kept: a document's values never go into its styles, so few distinct ones. */
    private static final int MAX_DECLARATIONS = 2_000;

    private final Parsed parsed;
    private final MatchedStyles matched = new MatchedStyles();
    private UserAgentCallback agent;
    private Matcher matcher;

    DocumentStyles(UserAgentCallback agent) {
        super(agent);
        this.agent = agent;
        // its own agent, only to read Flying Saucer's default stylesheet: a document's agent would be kept alive
        this.parsed = new Parsed(new NaiveUserAgent());
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
        List<Stylesheet> sheets = sheets(infos, context.getMedia());
        matched.startDocument(sheets);
        matcher = new Matcher(new DOMTreeResolver(), new StandardAttributeResolver(namespace, agent, ui), parsed,
                sheets, context.getMedia());
    }

    /** Lets go of the last document (its tree and styles); what was parsed stays. */
    void forgetDocument() {
        matcher = null;
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
        return matcher.isHoverStyled(e);
    }

    @Override
    public Map<String, CSSPrimitiveValue> getCascadedPropertiesMap(Element e) {
        Map<String, CSSPrimitiveValue> properties = new LinkedHashMap<>();
        matcher.getCascadedStyle(e, false).getCascadedPropertyDeclarations().forEachRemaining(
                d -> properties.put(d.getPropertyName(), d.getValue()));
        return properties;
    }

    @Override
    public CascadedStyle getPseudoElementStyle(Node node, String pseudoElement) {
        Element e = node.getNodeType() == Node.ELEMENT_NODE ? (Element) node : (Element) node.getParentNode();
        return matched.pseudoElementStyle(e, pseudoElement, matcher::getPECascadedStyle);
    }

    @Override
    public CascadedStyle getCascadedStyle(Element e, boolean restyle) {
        return e == null ? CascadedStyle.emptyCascadedStyle
                : matched.style(e, element -> matcher.getCascadedStyle(element, restyle));
    }

    @Override
    public PageInfo getPageStyle(String pageName, String pseudoPage) {
        return matcher.getPageCascadedStyle(pageName, pseudoPage);
    }

    @Override
    public List<FontFaceRule> getFontFaceRules() {
        return matcher.getFontFaceRules();
    }

    /** Nothing to flush: what is kept does not depend on the document. */
    @Override
    public void flushStyleSheets() {
    }

    @Override
    public void flushAllStyleSheets() {
    }

    /** Flying Saucer's parser, remembering what it parsed. */
    private static final class Parsed implements StylesheetFactory {

        private final StylesheetFactoryImpl factory;
        /** By content for an inline stylesheet, by address otherwise. */
        private final Map<String, Stylesheet> sheets = new HashMap<>();
        private final Map<String, Ruleset> authorDeclarations = new HashMap<>();

        Parsed(UserAgentCallback agent) {
            this.factory = new StylesheetFactoryImpl(agent);
        }

        @Override
        public Stylesheet parse(Reader reader, StylesheetInfo info) {
            return factory.parse(reader, info);
        }

        @Override
        public Stylesheet parse(Reader reader, String uri, StylesheetInfo.Origin origin) {
            return factory.parse(reader, uri, origin);
        }

        @Override
        public Ruleset parseStyleDeclaration(StylesheetInfo.Origin origin, String style) {
            if (origin != StylesheetInfo.Origin.AUTHOR) {
                return factory.parseStyleDeclaration(origin, style);
            }
            Ruleset ruleset = authorDeclarations.get(style);
            if (ruleset == null) {
                ruleset = factory.parseStyleDeclaration(origin, style);
                if (authorDeclarations.size() >= MAX_DECLARATIONS) {
                    authorDeclarations.clear();
                }
                authorDeclarations.put(style, ruleset);
            }
            return ruleset;
        }

        @Override
        public Stylesheet getStylesheet(StylesheetInfo info) {
            String key = info.getContent().map(css -> "inline:" + info.getOrigin() + ":" + css).orElse(info.getUri());
            Stylesheet sheet = sheets.get(key);
            if (sheet == null) {
                sheet = factory.getStylesheet(info);
                if (sheet != null && info.getContent().isPresent()) {
                    factory.removeCachedStylesheet(info.getUri()); // kept here, by content
                }
                sheets.put(key, sheet);
            }
            return sheet;
        }
    }
}
