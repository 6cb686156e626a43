package vn.hocba.backup;

/** The kinds of files an installation keeps outside its database, as named inside a backup. */
public enum FileArea {
    /** Issued documents ({@code data/documents}). */
    DOCUMENTS("documents"),
    /** Every signature stage of every document ({@code data/signed}). */
    SIGNED("signed"),
    /** Export packages ({@code data/exports}). */
    EXPORTS("exports"),
    /** Signed checkpoints of the audit chain ({@code data/audit-checkpoints} or where configured). */
    AUDIT_CHECKPOINTS("audit-checkpoints"),
    /** The development PKI's keys and certificates ({@code data/pki}): only with {@code --include-keys}. */
    KEYS("pki");

    private final String folder;

    FileArea(String folder) {
        this.folder = folder;
    }

    /** The folder name under the data directory, and under {@code files/} in a backup. */
    public String folder() {
        return folder;
    }
}
