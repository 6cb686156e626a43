package vn.hocba.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.hocba.security.Viewer;

/**
 * The menu of one person: every {@link MenuContribution}'s items, grouped by section, sorted, the
 * same address listed once, and the item of the current page marked (the longest href that
 * starts the current path).
 */
@Component
public class Menu {

    private static final Logger log = LoggerFactory.getLogger(Menu.class);

    /** A section with its links as shown. */
    public record Group(String title, List<Link> links) {
    }

    /** One link as shown; {@code current} for the page being shown. */
    public record Link(String label, String href, boolean current) {
    }

    private final List<MenuContribution> contributions;

    public Menu(List<MenuContribution> contributions) {
        this.contributions = List.copyOf(contributions);
    }

    /** The sections {@code viewer} sees on a page at {@code path} (context-relative). */
    public List<Group> of(Viewer viewer, String path) {
        List<MenuItem> items = new ArrayList<>();
        for (MenuContribution contribution : contributions) {
            try {
                items.addAll(contribution.items(viewer));
            } catch (RuntimeException e) {
                log.warn("Menu contribution {} failed for {}", contribution.getClass().getName(),
                        viewer.account().username(), e);
            }
        }
        String current = currentHref(items, path);
        Map<MenuItem.Section, List<MenuItem>> grouped = new EnumMap<>(MenuItem.Section.class);
        items.stream().sorted(Comparator.comparingInt(MenuItem::order))
                .forEach(i -> grouped.computeIfAbsent(i.section(), s -> new ArrayList<>()).add(i));
        List<Group> sections = new ArrayList<>();
        grouped.forEach((section, list) -> {
            Set<String> seen = new LinkedHashSet<>();
            List<Link> links = list.stream().filter(i -> seen.add(i.href()))
                    .map(i -> new Link(i.label(), i.href(), i.href().equals(current))).toList();
            sections.add(new Group(section.title(), links));
        });
        return sections;
    }

    private static String currentHref(List<MenuItem> items, String path) {
        String found = null;
        for (MenuItem item : items) {
            String href = item.href();
            boolean matches = href.equals("/") ? "/".equals(path)
                    : path.equals(href) || path.startsWith(href.endsWith("/") ? href : href + "/");
            if (matches && (found == null || href.length() > found.length())) {
                found = href;
            }
        }
        return found;
    }
}
