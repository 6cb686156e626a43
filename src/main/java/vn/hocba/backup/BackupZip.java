package vn.hocba.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Entries of a backup zip with their SHA-256, and its manifest. */
final class BackupZip {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BackupZip() {
    }

    /** Adds {@code content} as {@code name}, returning its size and SHA-256. */
    static BackupEntry add(ZipOutputStream zip, String name, InputStream content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        DigestInputStream in = new DigestInputStream(content, sha256());
        long size = in.transferTo(zip);
        zip.closeEntry();
        return new BackupEntry(name, size, HexFormat.of().formatHex(in.getMessageDigest().digest()));
    }

    static void writeManifest(ZipOutputStream zip, BackupManifest manifest) throws IOException {
        zip.putNextEntry(new ZipEntry(BackupManifest.NAME));
        zip.write(JSON.writeValueAsBytes(manifest));
        zip.closeEntry();
    }

    /** The manifest of a backup, or null when the zip has none. */
    static BackupManifest readManifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(BackupManifest.NAME);
        if (entry == null) {
            return null;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return JSON.readValue(in, BackupManifest.class);
        }
    }

    /** Size and SHA-256 of one entry as stored. */
    static BackupEntry measure(ZipFile zip, ZipEntry entry) throws IOException {
        try (DigestInputStream in = new DigestInputStream(zip.getInputStream(entry), sha256())) {
            long size = in.transferTo(OutputStream.nullOutputStream());
            return new BackupEntry(entry.getName(), size, HexFormat.of().formatHex(in.getMessageDigest().digest()));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
