package vn.hocba.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Streams an object while hashing it and, at its end, refuses bytes whose SHA-256 is not the recorded
 * one: the reader never takes an altered object for complete (the whole object is never held in memory).
 */
final class VerifyingInputStream extends FilterInputStream {

    private final MessageDigest digest = sha256();
    private final String expectedSha256;
    private final String document;
    private boolean checked;

    VerifyingInputStream(InputStream in, String expectedSha256, String document) {
        super(in);
        this.expectedSha256 = expectedSha256;
        this.document = document;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            check();
        } else {
            digest.update((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0) {
            check();
        } else {
            digest.update(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        return super.skip(0); // skipping would leave bytes unhashed: callers read through
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void check() {
        if (checked) {
            return;
        }
        checked = true;
        String actual = HexFormat.of().formatHex(digest.digest());
        if (expectedSha256 != null && !expectedSha256.trim().equalsIgnoreCase(actual)) {
            throw StoredObjectException.altered(document, expectedSha256.trim(), actual);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
