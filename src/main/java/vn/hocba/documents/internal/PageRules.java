package vn.hocba.documents.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.xhtmlrenderer.css.newmatch.PageInfo;
import org.xhtmlrenderer.css.sheet.FontFaceRule;
import org.xhtmlrenderer.css.sheet.Stylesheet;

/**
 * What Flying Saucer's selector matcher answers from the stylesheets alone, kept while a document's stylesheets are the
 * same parsed objects as the last one's ({@link DocumentStyles} parses each once): the style of each named page
 * ({@code @page}, its margin boxes; asked for every page laid out) and the {@code @font-face} rules. Both are built from
 * the stylesheets' rules in their order and nothing of the document, so a page's {@link PageInfo} (never changed after
 * it is built) serves every page of that name. One per {@link DocumentStyles}, i.e. per thread.
 */
final class PageRules {

    private record PageKey(String pageName, String pseudoPage) {
    }

    private final Map<PageKey, PageInfo> pages = new HashMap<>();
    private List<Stylesheet> sheets = List.of();
    private String medium;
    private List<FontFaceRule> fontFaceRules = List.of();

    /** A new document styled with {@code documentSheets}: what came from other stylesheets is forgotten. */
    void startDocument(List<Stylesheet> documentSheets, String documentMedium) {
        if (!MatchedStyles.sameObjects(documentSheets, sheets) || !Objects.equals(documentMedium, medium)) {
            pages.clear();
            sheets = new ArrayList<>(documentSheets);
            medium = documentMedium;
            List<FontFaceRule> rules = new ArrayList<>();
            for (Stylesheet sheet : documentSheets) { // as Flying Saucer's Matcher gathers them
                rules.addAll(sheet.getFontFaceRules());
            }
            fontFaceRules = List.copyOf(rules);
        }
    }

    /** The page's style as {@code match} (Flying Saucer's matcher) gives it, asked once per page name. */
    PageInfo pageStyle(String pageName, String pseudoPage, Supplier<PageInfo> match) {
        return pages.computeIfAbsent(new PageKey(pageName, pseudoPage), key -> match.get());
    }

    List<FontFaceRule> fontFaceRules() {
        return fontFaceRules;
    }
}
