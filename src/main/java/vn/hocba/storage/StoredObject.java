package vn.hocba.storage;

/** A stored object: its key, the SHA-256 of its bytes (lower-case hex) and its size in bytes. */
public record StoredObject(String key, String sha256, long size) {
}
