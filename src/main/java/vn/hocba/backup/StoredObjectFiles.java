package vn.hocba.backup;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import vn.hocba.storage.ObjectStore;

/**
 * The installation's files when documents live in the object store ({@code hocba.storage.type=s3}):
 * issued documents, signed files, export packages and audit checkpoints are the bucket's objects under
 * {@code documents/}, {@code signed/}, {@code exports/} and {@code audit-checkpoints/}; each is read checked
 * against the SHA-256 stored with it and restored with put-if-absent (a restore never overwrites). Keys
 * never go to the bucket: the development PKI stays in the node's folder ({@code keys}).
 */
public final class StoredObjectFiles implements InstallationFiles {

    private final ObjectStore store;
    private final InstallationFiles keys;

    /** @param keys the node's folders, for {@link FileArea#KEYS} and for what else lies in the data directory */
    public StoredObjectFiles(ObjectStore store, InstallationFiles keys) {
        this.store = store;
        this.keys = keys;
    }

    @Override
    public List<String> list(FileArea area) throws IOException {
        if (area == FileArea.KEYS) {
            return keys.list(area);
        }
        String prefix = prefix(area);
        return store.list(prefix).stream().map(k -> k.substring(prefix.length())).sorted().toList();
    }

    @Override
    public InputStream open(FileArea area, String path) throws IOException {
        return area == FileArea.KEYS ? keys.open(area, path) : store.open(prefix(area) + path, null, path);
    }

    @Override
    public void create(FileArea area, String path, InputStream content) throws IOException {
        if (area == FileArea.KEYS) {
            keys.create(area, path, content);
        } else {
            store.put(prefix(area) + path, path, content::transferTo);
        }
    }

    @Override
    public List<String> unknown() throws IOException {
        return keys.unknown().stream().filter(p -> !p.endsWith("/cache") && !p.equals("cache")).toList();
    }

    @Override
    public String describe(FileArea area) {
        return area == FileArea.KEYS ? keys.describe(area) : store.describe() + ", " + prefix(area);
    }

    private static String prefix(FileArea area) {
        return area.folder() + "/";
    }
}
