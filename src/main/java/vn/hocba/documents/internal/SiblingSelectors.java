package vn.hocba.documents.internal;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;
import org.xhtmlrenderer.css.newmatch.Selector;
import org.xhtmlrenderer.css.sheet.MediaRule;
import org.xhtmlrenderer.css.sheet.Ruleset;
import org.xhtmlrenderer.css.sheet.Stylesheet;

/**
 * What the selectors of a set of stylesheets can see of an element's siblings. Flying Saucer's selectors see them
 * through the sibling combinator ({@code a + b}: the element just before, tested like any element, and so on for
 * {@code a + b + c}) and the child-position conditions {@code :first-child} (is there an element before it),
 * {@code :last-child} (one after it), {@code :nth-child}, {@code :even} and {@code :odd} (its index). Without the
 * index conditions, two elements match the same selectors when they agree on everything else a selector tests, on
 * the last {@link #depth} elements before them (name and attributes) and on whether more come before those and any
 * after them: the rows of a ruled table then share their styles instead of each row's depending on all the rows
 * before it ({@link MatchedStyles}).
 */
final class SiblingSelectors {

    /** The conditions that read an element's index among its siblings. */
    private static final Set<String> INDEX_CONDITIONS = Set.of("NthChildCondition", "EvenChildCondition",
            "OddChildCondition");
    private static final Field CONDITIONS = field("conditions");
    private static final Field SIBLING = field("siblingSelector");

    private SiblingSelectors() {
    }

    /**
     * How many elements before an element the selectors of {@code sheets} can test (the longest run of sibling
     * combinators), or -1 when a selector reads an element's index or cannot be read: then every sibling before an
     * element counts, as always (the safe answer).
     */
    static int depth(List<Stylesheet> sheets) {
        if (CONDITIONS == null || SIBLING == null) {
            return -1;
        }
        try {
            int depth = 0;
            for (Stylesheet sheet : sheets) {
                for (Object content : sheet.getContents()) {
                    List<Ruleset> rulesets = content instanceof Ruleset ruleset ? List.of(ruleset)
                            : content instanceof MediaRule media ? media.getContents() : List.of();
                    for (Ruleset ruleset : rulesets) {
                        for (Selector selector : ruleset.getFSSelectors()) {
                            int seen = depth(selector);
                            if (seen < 0) {
                                return -1;
                            }
                            depth = Math.max(depth, seen);
                        }
                    }
                }
            }
            return depth;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }

    /** Of one selector with the ancestors' and siblings' parts it chains. */
    private static int depth(Selector selector) throws ReflectiveOperationException {
        int depth = 0;
        for (Selector s = selector; s != null; s = s.getChainedSelector()) {
            int run = 0;
            for (Selector part = s; part != null; part = (Selector) SIBLING.get(part)) {
                List<?> conditions = (List<?>) CONDITIONS.get(part);
                if (conditions != null && conditions.stream()
                        .anyMatch(c -> INDEX_CONDITIONS.contains(c.getClass().getSimpleName()))) {
                    return -1;
                }
                if (part != s) {
                    run++;
                }
            }
            if (s.getAxis() == Selector.Axis.IMMEDIATE_SIBLING_AXIS && run == 0) {
                return -1; // a sibling combinator written some other way: not understood, so not relied on
            }
            depth = Math.max(depth, run);
        }
        return depth;
    }

    /**
     * What selectors of {@code depth} (not -1) can see of the elements before an element whose previous element is
     * {@code previous}: the namespace, name and attributes of the last {@code depth} of them, nearest first, and
     * whether any more come before those. Equal for two elements exactly when such selectors cannot tell them apart by
     * their siblings before them.
     */
    static List<Object> before(Element previous, int depth) {
        List<Object> seen = new ArrayList<>(depth + 1);
        Element p = previous;
        for (int i = 0; i < depth && p != null; i++) {
            String local = p.getLocalName();
            seen.add(List.of(String.valueOf(p.getNamespaceURI()), local == null ? p.getNodeName() : local,
                    MatchedStyles.attributes(p)));
            p = MatchedStyles.previousElement(p);
        }
        seen.add(p != null);
        return seen;
    }

    /** Flying Saucer keeps a selector's conditions and sibling part private; null if this version has no such field. */
    private static Field field(String name) {
        try {
            Field field = Selector.class.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
