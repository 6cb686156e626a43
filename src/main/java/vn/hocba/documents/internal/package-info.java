/**
 * Rendering pipeline of the documents module: Thymeleaf fills an XHTML template, Flying Saucer
 * lays it out with OpenPDF using only the embedded Liberation Serif, and OpenPDF writes the PDF/A-3b
 * parts in the same pass (XMP, sRGB output intent, embedded data XML, empty signature fields).
 */
package vn.hocba.documents.internal;
