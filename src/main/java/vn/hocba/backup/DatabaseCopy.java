package vn.hocba.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The installation's database as a backup sees it: dumped consistently, restored into an empty one. */
public interface DatabaseCopy {

    /** {@code h2} or {@code postgresql}: a backup is restored only into the same kind. */
    String kind();

    /**
     * Writes a consistent copy of the database into {@code directory} (each file becomes the entry
     * {@code database/<name>} of the backup).
     *
     * @return the id of the newest audit entry in that copy (0 when none)
     */
    long dump(Path directory) throws IOException;

    /** What the target database already holds (empty when a restore may write into it). */
    List<String> contents() throws IOException;

    /** Restores the files a {@link #dump} wrote, from {@code directory}, into the (empty) database. */
    void restore(Path directory) throws IOException;
}
