package vn.hocba.documents.internal;

/**
 * A signature box found after layout: the field name and its rectangle in PDF user space
 * (points, origin bottom-left) on a 0-based page.
 */
record SignatureBox(String field, int pageIndex, float x, float y, float width, float height) {
}
