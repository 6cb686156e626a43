package vn.hocba.documents.internal;

import java.io.Reader;
import java.util.HashMap;
import java.util.Map;
import org.xhtmlrenderer.context.StylesheetFactoryImpl;
import org.xhtmlrenderer.css.extend.StylesheetFactory;
import org.xhtmlrenderer.css.sheet.Ruleset;
import org.xhtmlrenderer.css.sheet.Stylesheet;
import org.xhtmlrenderer.css.sheet.StylesheetInfo;
import org.xhtmlrenderer.extend.UserAgentCallback;

/**
 * Flying Saucer's stylesheet parser, remembering what it parsed: stylesheets (an inline one by its content, others by
 * address) and the declarations of {@code style} attributes and table attributes, which repeat across documents. One
 * per {@link DocumentStyles}, i.e. per thread.
 */
final class ParsedStylesheets implements StylesheetFactory {

    /** Bounds the declarations kept: a document's values never go into its styles, so few distinct ones. */
    private static final int MAX_DECLARATIONS = 2_000;

    private final StylesheetFactoryImpl factory;
    /** By content for an inline stylesheet, by address otherwise. */
    private final Map<String, Stylesheet> sheets = new HashMap<>();
    private final Map<String, Ruleset> authorDeclarations = new HashMap<>();

    ParsedStylesheets(UserAgentCallback agent) {
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
