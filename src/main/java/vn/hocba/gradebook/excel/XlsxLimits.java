package vn.hocba.gradebook.excel;

/**
 * How much an uploaded workbook may hold, checked before anything is allocated for it: the zip
 * directory's declared sizes first (a part too large or compressed suspiciously well refuses the
 * file without inflating it), then every part actually read is counted as it inflates (a directory
 * may lie), and the sheet read is bounded in rows, columns, cells and text length.
 *
 * @param maxParts entries in the zip (POI's own default guard is 1000)
 * @param maxPartBytes one part inflated: a sheet, the shared strings, styles, an image
 * @param maxTotalBytes all parts inflated together
 * @param minInflateRatio compressed ÷ inflated below which a part over 1 MB is taken for a zip bomb
 * @param maxSharedStrings distinct strings in the shared-strings part
 * @param maxRows rows of the sheet read (a class has at most a few dozen students)
 * @param maxColumns columns of the sheet read; a non-empty cell further right refuses the file
 * @param maxCells non-empty cells of the sheet read
 * @param maxCellChars characters of one cell or shared string (Excel's own limit is 32 767)
 */
public record XlsxLimits(int maxParts, long maxPartBytes, long maxTotalBytes, double minInflateRatio, int maxSharedStrings,
        int maxRows, int maxColumns, int maxCells, int maxCellChars) {

    /** Parts smaller than this are never taken for a zip bomb, however well they compress. */
    static final long RATIO_GRACE_BYTES = 1024 * 1024;

    /**
     * The limits of every upload. A class sheet from the template is ~10 KB of XML, the whole-class
     * workbook ~150 KB; these leave room for hand-made files with notes, formatting and a logo.
     */
    public static final XlsxLimits UPLOADS = new XlsxLimits(200, 16L * 1024 * 1024, 64L * 1024 * 1024, 0.01, 100_000, 1_000,
            256, 100_000, 32_767);
}
