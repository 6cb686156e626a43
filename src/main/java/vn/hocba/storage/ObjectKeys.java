package vn.hocba.storage;

import java.util.regex.Pattern;

/** The keys HocBa writes: relative, slash-separated, no empty, dot or dot-dot parts (they are also file paths). */
final class ObjectKeys {

    private static final Pattern PART = Pattern.compile("[\\p{L}\\p{N}_.+-]+");

    private ObjectKeys() {
    }

    static String checked(String key) {
        for (String part : key.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..") || part.startsWith(".")
                    || !PART.matcher(part).matches()) {
                throw new IllegalArgumentException("not an object key: " + key);
            }
        }
        return key;
    }
}
