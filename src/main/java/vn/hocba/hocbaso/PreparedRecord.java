package vn.hocba.hocbaso;

import org.w3c.dom.Document;
import vn.hocba.hocbaso.ClassRecordsService.ReadyInput;

/**
 * One record of a prepared signing step ({@link ClassRecordPreparation}): the version to store, the stored version it
 * was built on ({@code basedOn}, its SHA-256; null for a first version), its slot, and the slot's signature awaiting
 * the credential's value (null: the record is stored as it is, a new version that this slot does not sign now).
 */
record PreparedRecord(ReadyInput fresh, Current current, String basedOn, SignatureSlot slot,
        UnfinishedSignature signature) {

    /**
     * The record to sign further: the stored version when it states the same ({@code stored}: the bytes it is stored
     * as, which {@code doc} is written as until this step signs it), else a new version ({@code stored} null).
     */
    record Current(Document doc, byte[] stored, String fingerprint, int version, boolean changed) {
    }
}
