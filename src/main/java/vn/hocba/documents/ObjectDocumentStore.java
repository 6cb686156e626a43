package vn.hocba.documents;

import java.io.IOException;
import java.net.URI;
import vn.hocba.storage.FileSystemObjectStore;
import vn.hocba.storage.ObjectAlreadyStoredException;
import vn.hocba.storage.ObjectStore;
import vn.hocba.storage.StoredObject;

/**
 * Issued documents in the installation's object store under {@code documents/<kind>/<version>.pdf}
 * (on the filesystem store: the files and {@code .sha256} files HocBa always kept under
 * {@code ${hocba.data-dir}/documents}). Immutable as {@link DocumentStore} says.
 */
final class ObjectDocumentStore implements DocumentStore {

    private final ObjectStore objects;

    ObjectDocumentStore(ObjectStore objects) {
        this.objects = objects;
    }

    /** The object key of version {@code versionLabel} of {@code kind}. */
    static String key(DocumentKind kind, String versionLabel) {
        return key(FileSystemDocumentStore.relativePath(kind, versionLabel));
    }

    /** The object key of an issued document's recorded path. */
    static String key(String path) {
        return "documents/" + path;
    }

    @Override
    public StoredDocument store(DocumentKind kind, String versionLabel, Content content) throws IOException {
        String key = key(kind, versionLabel);
        try {
            StoredObject stored = objects.put(key, versionLabel, content::writeTo);
            if (objects instanceof FileSystemObjectStore files) {
                files.recordHash(key, stored.sha256());
            }
            return new StoredDocument(kind, versionLabel, stored.sha256(), stored.size(), URI.create("hocba:" + key));
        } catch (ObjectAlreadyStoredException e) {
            throw new DocumentAlreadyStoredException(versionLabel);
        }
    }

    @Override
    public boolean discardUnrecorded(DocumentKind kind, String versionLabel) throws IOException {
        return objects.discardUnrecorded(key(kind, versionLabel));
    }
}
