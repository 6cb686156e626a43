package vn.hocba.documents;

import java.util.Optional;

/**
 * Where the signed subject result sheets are known (the signing side implements it): a
 * transcript's subject row and the class gradebook's marks table refer to the class's sheet once
 * every teacher of the subject signed it (signing profile, decision 1), so both are generated
 * after the sheets are signed.
 */
@FunctionalInterface
public interface SignedSheets {

    /** No sheet is signed (no signing configured). */
    SignedSheets NONE = sheetDocumentId -> Optional.empty();

    /**
     * The signed form of the current version of sheet {@code sheetDocumentId}
     * ({@code KQ-<school>-<year>-<class>-CN-<subject>}), once all its teachers signed it and it is final.
     */
    Optional<SignedSheetReference> of(String sheetDocumentId);
}
