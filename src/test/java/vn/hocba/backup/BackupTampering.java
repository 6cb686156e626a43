package vn.hocba.backup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** A backup with the first entry under a prefix changed after the manifest was written. */
final class BackupTampering {

    private BackupTampering() {
    }

    static byte[] replaceEntry(byte[] backup, String prefix) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean done = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(backup));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                byte[] content = in.readAllBytes();
                if (!done && e.getName().startsWith(prefix)) {
                    content = (new String(content, StandardCharsets.ISO_8859_1) + " ").getBytes(StandardCharsets.ISO_8859_1);
                    done = true;
                }
                zip.write(content);
                zip.closeEntry();
            }
        }
        if (!done) {
            throw new IllegalArgumentException("no entry under " + prefix);
        }
        return out.toByteArray();
    }
}
