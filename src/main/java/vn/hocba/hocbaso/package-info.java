/**
 * Học bạ số: the record the national digital-transcript store (Kho học bạ số) keeps per student and
 * school year, XML signed with XMLDSig, one signature slot per role; the class package; the
 * identifiers a record needs; submission to the national store with status tracking.
 *
 * <p>The record follows the provisional profile {@code hocbaso-thcs} version {@code provisional-1}
 * (docs/hocbaso.md): every element and attribute name lives in {@link vn.hocba.hocbaso.HocBaSoProfile}
 * and its schema in {@code formats/hocbaso-thcs-provisional-1.xsd}, so that the official XSD,
 * once the Sở hands it over, replaces both. The record is built from the very
 * {@link vn.hocba.documents.TranscriptData} the PDF transcript prints and embeds (one source).
 *
 * <p>Signatures ({@link vn.hocba.hocbaso.RecordSigner}): each subject teacher over their subject's
 * {@code DIEM_TONG_KET}, the homeroom teacher over {@code #thongtinhocba} (refused until every
 * subject is signed), the principal over {@code #data}, then the school's issuing certificate over
 * {@code #data}; keys come through {@link vn.hocba.pades.SigningCredential}, the one interface behind
 * every key source. The form ({@link vn.hocba.hocbaso.SignatureForm}, {@code hocba.hocbaso.signature-form}) is
 * plain XMLDSig or XAdES-T (signed properties as a second reference, a signature time-stamp from the school's
 * TSA). No Camunda here.
 */
package vn.hocba.hocbaso;
