package vn.hocba.storage;

/** A key that is stored already with other bytes: a stored object is never overwritten (a new revision is a new key). */
public final class ObjectAlreadyStoredException extends RuntimeException {

    private final String document;

    ObjectAlreadyStoredException(String document) {
        super("Văn bản " + document + " đã được lưu với nội dung khác; tệp đã lưu không bao giờ bị ghi đè.");
        this.document = document;
    }

    public String document() {
        return document;
    }
}
