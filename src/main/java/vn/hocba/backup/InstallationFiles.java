package vn.hocba.backup;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The seam through which a backup reads an installation's files and a restore writes them. Today
 * {@link DataDirectoryFiles} (the data directory); a document store kept elsewhere (an
 * S3-compatible store) is backed up by giving the backup another implementation.
 */
public interface InstallationFiles {

    /** Every file of {@code area}, as paths relative to the area with {@code /} separators, sorted. */
    List<String> list(FileArea area) throws IOException;

    /** The content of one file listed by {@link #list}. */
    InputStream open(FileArea area, String path) throws IOException;

    /** Writes a file that does not exist yet (a restore never overwrites). */
    void create(FileArea area, String path, InputStream content) throws IOException;

    /** What the installation keeps beside the areas that no backup holds (reported, not copied). */
    default List<String> unknown() throws IOException {
        return List.of();
    }

    /** Where {@code area} lives, for messages. */
    String describe(FileArea area);
}
