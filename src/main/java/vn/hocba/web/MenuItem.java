package vn.hocba.web;

/**
 * One link of the menu: where it appears ({@link Section}), its Vietnamese label, the address it
 * opens (context-relative, e.g. {@code /lop/12/mon/3/hoc-ki/2/diem}), and its place in the section
 * (lower first; items with equal order keep the order their contribution gave).
 */
public record MenuItem(Section section, String label, String href, int order) {

    /** The sections of the menu, in the order they are shown. */
    public enum Section {
        TASKS("Việc của tôi"),
        TEACHING("Giảng dạy"),
        HOMEROOM("Chủ nhiệm"),
        SCHOOL("Nhà trường"),
        ADMIN("Quản trị"),
        ACCOUNT("Tài khoản");

        private final String title;

        Section(String title) {
            this.title = title;
        }

        /** The heading shown above the section's links. */
        public String title() {
            return title;
        }
    }

    public MenuItem {
        if (section == null || label == null || label.isBlank() || href == null || !href.startsWith("/")) {
            throw new IllegalArgumentException("A menu item needs a section, a label and a context-relative href: "
                    + section + " " + label + " " + href);
        }
    }

    public static MenuItem of(Section section, String label, String href, int order) {
        return new MenuItem(section, label, href, order);
    }
}
