package vn.hocba.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xhtmlrenderer.context.StandardAttributeResolver;
import org.xhtmlrenderer.css.newmatch.CascadedStyle;
import org.xhtmlrenderer.css.newmatch.Matcher;
import org.xhtmlrenderer.css.sheet.Stylesheet;
import org.xhtmlrenderer.css.sheet.StylesheetInfo;
import org.xhtmlrenderer.extend.UserInterface;
import org.xhtmlrenderer.css.extend.lib.DOMTreeResolver;
import org.xhtmlrenderer.swing.NaiveUserAgent;
import vn.hocba.documents.DocumentData;
import vn.hocba.documents.sample.SampleDocuments;

/**
 * A document's elements get the styles Flying Saucer's selector matching gives them, also where the memo of styles
 * per element shape lets the rows of a table share one ({@link MatchedStyles}, {@link SiblingSelectors}): every
 * element of the class gradebook, a transcript and one document of each kind, and of a made-up page whose rules look
 * at siblings in every way Flying Saucer knows.
 */
class SiblingSelectorsTest {

    private static final String SIBLINGS_CSS = """
            tr:first-child td { color: red; }
            td:last-child { color: blue; }
            .a + .b { margin-top: 1mm; }
            .a + .b + .c { margin-top: 2mm; }
            tr:first-child + tr td { font-weight: bold; }
            p.x:first-child + p { text-indent: 3mm; }
            """;
    /**
     * Pairs of elements that agree on everything but what a sibling rule tests: the two {@code td.b} of the first row
     * (after {@code .a}, after {@code .x}), the two {@code td.c} of the second (after {@code .a .b}, after
     * {@code .x .b}), the second and third rows (after the first row, after another), the two {@code p} after a
     * {@code p.x} (first in its parent, not first).
     */
    private static final String SIBLINGS_PAGE = """
            <html xmlns="http://www.w3.org/1999/xhtml"><body><table>
            <tr><td class="a">1</td><td class="b">2</td><td class="x">3</td><td class="b">4</td><td>5</td></tr>
            <tr><td class="a">1</td><td class="b">2</td><td class="c">3</td><td class="x">4</td><td class="b">5</td>
            <td class="c">6</td><td>7</td></tr>
            <tr><td class="a">1</td><td class="b">2</td><td class="c">3</td><td class="x">4</td><td class="b">5</td>
            <td class="c">6</td><td>7</td></tr>
            <tr><td>8</td></tr></table>
            <i>.</i><i>.</i><div><p class="x">a</p><p>b</p><p>c</p></div>
            <i>.</i><i>.</i><div><b>z</b><p class="x">e</p><p>f</p><p>g</p></div><i>.</i>
            </body></html>""";

    private final ParsedStylesheets parsed = new ParsedStylesheets(new NaiveUserAgent());
    private final PdfLayout layout = new PdfLayout();

    @Test
    void theTemplatesRulesSeeOneElementBackAndNoIndex() {
        assertThat(SiblingSelectors.depth(sheets(template(SampleDocuments.create().classGradebook())))).isEqualTo(1);
        assertThat(SiblingSelectors.depth(List.of(css("td:first-child, td:last-child { color: red; }")))).isZero();
        assertThat(SiblingSelectors.depth(List.of(css(SIBLINGS_CSS)))).isEqualTo(2);
    }

    @Test
    void anIndexAmongSiblingsMakesEverySiblingBeforeCount() {
        for (String rule : List.of("td:nth-child(2)", "tr:nth-child(odd)", "tr:nth-child(2n+1) td", ".a + td:nth-child(3)")) {
            assertThat(SiblingSelectors.depth(List.of(css(rule + " { color: red; }")))).as(rule).isEqualTo(-1);
        }
    }

    @Test
    void everyElementOfTheDocumentsGetsTheStyleFlyingSaucerMatches() {
        SampleDocuments samples = SampleDocuments.withClassSize(6);
        List<DocumentData> documents = new ArrayList<>(SampleDocuments.create().oneOfEach());
        documents.add(samples.classGradebook());
        documents.add(samples.transcript(3));
        MatchedStyles memo = new MatchedStyles();
        for (DocumentData data : documents) {
            Document page = template(data);
            assertSameStyles(memo, page, sheets(page));
        }
    }

    @Test
    void siblingRulesOfEveryKindGetTheStylesFlyingSaucerMatches() {
        Document page = layout.parse(SIBLINGS_PAGE);
        List<Stylesheet> sheets = List.of(css(SIBLINGS_CSS));
        MatchedStyles memo = new MatchedStyles();
        assertSameStyles(memo, page, sheets);
        assertSameStyles(memo, layout.parse(SIBLINGS_PAGE), sheets); // and again, from the memo
    }

    /** Each element's style from the memo against a fresh matcher's, declaration by declaration. */
    private void assertSameStyles(MatchedStyles memo, Document page, List<Stylesheet> sheets) {
        memo.startDocument(sheets);
        Matcher matcher = matcher(sheets);
        NodeList elements = page.getElementsByTagName("*");
        for (int i = 0; i < elements.getLength(); i++) {
            Element e = (Element) elements.item(i);
            Matcher fresh = matcher(sheets);
            CascadedStyle remembered = memo.style(e, element -> matcher.getCascadedStyle(element, false));
            assertThat(declarations(remembered)).as(e.getTagName() + " " + i)
                    .isEqualTo(declarations(fresh.getCascadedStyle(e, false)));
        }
        memo.endDocument();
    }

    private Matcher matcher(List<Stylesheet> sheets) {
        UserInterface still = new UserInterface() {
            @Override
            public boolean isHover(Element e) {
                return false;
            }

            @Override
            public boolean isActive(Element e) {
                return false;
            }

            @Override
            public boolean isFocus(Element e) {
                return false;
            }
        };
        return new Matcher(new DOMTreeResolver(), new StandardAttributeResolver(new org.xhtmlrenderer.simple.extend
                .XhtmlNamespaceHandler(), new NaiveUserAgent(), still), parsed, sheets, "print");
    }

    private static List<String> declarations(CascadedStyle style) {
        List<String> result = new ArrayList<>();
        style.getCascadedPropertyDeclarations().forEachRemaining(d -> result.add(d.getFingerprint()));
        return result;
    }

    private Document template(DocumentData data) {
        String hash = "0".repeat(64);
        return layout.parse(new TemplateFiller(Optional.empty()).fill(data,
                VerificationMark.of(data.identity(), hash, "https://hocba.example/xac-thuc")));
    }

    /** The stylesheets a page is styled with, as {@link DocumentStyles} gathers them. */
    private List<Stylesheet> sheets(Document page) {
        var namespace = new org.xhtmlrenderer.simple.extend.XhtmlNamespaceHandler();
        List<StylesheetInfo> infos = new ArrayList<>();
        namespace.getDefaultStylesheet().ifPresent(infos::add);
        infos.addAll(namespace.getStylesheets(page));
        List<Stylesheet> sheets = new ArrayList<>();
        for (StylesheetInfo info : infos) {
            if (info.appliesToMedia("print")) {
                sheets.add(parsed.getStylesheet(info));
            }
        }
        return sheets;
    }

    private Stylesheet css(String css) {
        return parsed.parse(new StringReader(css), "test.css", StylesheetInfo.Origin.AUTHOR);
    }
}
