/**
 * Documents the school prints, signs and archives: transcript (học bạ), class gradebook (sổ theo
 * dõi và đánh giá học sinh theo lớp học), per-class subject result sheet, report card (phiếu liên
 * lạc) and correction record (biên bản sửa điểm).
 *
 * <p>The renderer's input is plain records with values already computed and formatted Vietnamese
 * style ({@link vn.hocba.documents.TranscriptData}, {@link vn.hocba.documents.ClassGradebookData},
 * ...); the renderer itself is Spring-free and knows nothing of grading, schoolyear or gradebook.
 * The records are built from a stored class by the {@code records} subpackage. One record feeds both the
 * XHTML template in {@code templates/} and the XML embedded in the PDF, so both always say the
 * same. Output is PDF/A-3b with embedded Liberation Serif, a QR code and verification text on every
 * page, and an empty signature field per signature box ({@code gvcn}, {@code hieu_truong},
 * {@code con_dau}, {@code gvbm_<MÃ MÔN>}).
 *
 * <p>Entry points: {@link vn.hocba.documents.DocumentRenderer} for one document,
 * {@link vn.hocba.documents.ClassDocumentGenerator} for every document of a class, streamed to a
 * {@link vn.hocba.documents.DocumentStore}, and {@link vn.hocba.documents.ClassDocuments} (Spring
 * service) to issue a stored class's documents from the database: versioned, recorded in
 * {@code issued_document}, audited, idempotent, in generation runs ({@link vn.hocba.documents.GenerationRun})
 * whose documents are published together when the run completes, with progress, in the background or
 * in the caller's thread. Transcript rows and the class gradebook's marks tables refer to the signed
 * subject result sheets through
 * {@link vn.hocba.documents.SignedSheets}, which the school's signing ({@code vn.hocba.signing}) implements.
 *
 * <p>Reads of other modules' tables, kept on purpose: {@code IssuedDocuments} lists issued documents
 * joined with {@code school_class} and {@code student} for their class code and student name, one query
 * for a listing a clerk pages through (a call per row through {@code schoolyear} and {@code students}
 * would be one query per document). It only reads, and only columns those modules' APIs also expose.
 */
package vn.hocba.documents;
