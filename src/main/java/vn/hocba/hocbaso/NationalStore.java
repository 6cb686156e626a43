package vn.hocba.hocbaso;

import java.util.List;

/**
 * The national digital-transcript store (Kho học bạ số), reached through the Sở. Messages are
 * asynchronous: {@link #submit} hands over a message and returns the store's reference at once;
 * {@link #status} tells later how far the store got. The store keys messages by their idempotency
 * key, so a message sent again (after a timeout) is not processed twice.
 */
public interface NationalStore {

    /** Message purposes (docs/hocbaso.md): create, update (unconfirmed), recall. */
    String CREATE = "01";
    String UPDATE = "02";
    String RECALL = "03";

    /**
     * @param purpose         {@link #CREATE} with a class package, {@link #RECALL} with the national ids to recall
     * @param idempotencyKey  the same key for the same message, always
     * @param body            the class package (zip) or, for a recall, the national ids one per line
     * @return the store's reference of the message
     * @throws StoreUnavailableException when the store could not be reached or refused for now (retry later)
     */
    String submit(String purpose, String idempotencyKey, byte[] body);

    /** The state of a message: "00"/"01" in progress, "02"–"04" processed, with a result per record. */
    Status status(String reference);

    /** A message's state and its records' results. */
    record Status(String code, List<RecordResult> records) {
        public boolean processed() {
            return code.compareTo("02") >= 0;
        }
    }

    /**
     * One record's result: "00" not processed, "01" accepted (with {@code nationalId}, ma_dinh_danh_hoc_ba),
     * "02" error with the store's errors. {@code file} is the record's file in the package, or the
     * national id for a recall.
     */
    record RecordResult(String file, String result, String nationalId, List<StoreError> errors) {
    }

    /** An error the store reports for a record: its code and name (which field, what is wrong). */
    record StoreError(String code, String name) {
    }
}
