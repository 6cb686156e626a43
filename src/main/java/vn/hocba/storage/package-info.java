/**
 * Where documents live outside the database, so that no application node owns a disk: issued
 * documents, every signed revision, export packages (and their keys in the database with hashes and
 * sizes). One interface, {@link vn.hocba.storage.ObjectStore}, with the local filesystem (the embedded
 * default: {@code ${hocba.data-dir}}) and S3-compatible object storage ({@code hocba.storage.type=s3}).
 * Objects are immutable: written once under their final key when complete, never overwritten; every
 * read is checked against the recorded SHA-256 and a missing or altered object is a
 * {@link vn.hocba.storage.StoredObjectException} naming the document. Key material never goes here.
 * A leaf module: it uses only {@code common}.
 */
package vn.hocba.storage;
