package vn.hocba.signing;

/** The stored object of one export package version: its file name, key in the object store, SHA-256 and size. */
public record ExportPackageFile(String fileName, String key, String sha256, long size) {
}
