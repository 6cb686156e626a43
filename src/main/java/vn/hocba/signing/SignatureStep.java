package vn.hocba.signing;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hocba.audit.Actor;
import vn.hocba.audit.AuditCheckpoints;
import vn.hocba.audit.AuditLog;
import vn.hocba.audit.AuditRecord;
import vn.hocba.common.Sha256;
import vn.hocba.pades.AssociatedFileUpdate;
import vn.hocba.pades.BatchDocuments;
import vn.hocba.pades.BatchSigner;
import vn.hocba.pades.SignatureRequest;
import vn.hocba.pades.SigningCredential;
import vn.hocba.pades.SigningException;

/**
 * One signer signing some documents of a class at one stage: the batch skips what this
 * certificate already signed, and each document done is recorded in {@code document_signature}
 * (the progress a resumed batch starts from) and audited as DOCUMENT_SIGNED: when newly signed, or when a
 * resumed batch finds this stage's file signed but not audited (the batch was killed in between).
 */
final class SignatureStep {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SignatureStep.class);

    private final BatchSigner batch;
    private final DocumentSignatures signatures;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final AuditCheckpoints checkpoints;

    SignatureStep(BatchSigner batch, DocumentSignatures signatures, AuditLog audit, Clock clock,
            TransactionTemplate transactions, AuditCheckpoints checkpoints) {
        this.transactions = transactions;
        this.checkpoints = checkpoints;
        this.batch = batch;
        this.signatures = signatures;
        this.audit = audit;
        this.clock = clock;
    }

    /** Signs {@code ids} as {@code signerName}; throws when a document could not be signed (after doing the rest). */
    BatchSigner.Result run(ClassYearDocuments documents, List<String> ids, SigningStage stage, String fieldName,
            SigningCredential credential, String signerName, Actor by) {
        return run(documents, ids, stage, 1, fieldName, credential, signerName, by);
    }

    /** As above for signer {@code part} of a stage several people sign in turn (co-teachers of a subject). */
    BatchSigner.Result run(ClassYearDocuments documents, List<String> ids, SigningStage stage, int part,
            String fieldName, SigningCredential credential, String signerName, Actor by) {
        return run(documents, ids, stage, part, fieldName, credential, signerName, by, null);
    }

    /**
     * As above, with {@code attachments} giving the file, if any, that each document not yet signed by this
     * certificate gets in the revision of its new signature, which covers it (the seal's học bạ số record).
     */
    BatchSigner.Result run(ClassYearDocuments documents, List<String> ids, SigningStage stage, int part,
            String fieldName, SigningCredential credential, String signerName, Actor by,
            Function<String, Optional<AssociatedFileUpdate.File>> attachments) {
        long started = System.nanoTime();
        SignedFiles store = documents.store(stage, part);
        SignatureRequest request = SignatureRequest.inBox(stage.role(), clock.instant()).withField(fieldName);
        BatchDocuments target = attachments == null ? store : new BatchDocuments() {
            @Override
            public byte[] read(String documentId) {
                return store.read(documentId);
            }

            @Override
            public void replace(String documentId, byte[] signed) {
                store.replace(documentId, signed);
            }

            @Override
            public Optional<AssociatedFileUpdate.File> attachment(String documentId) {
                return attachments.apply(documentId);
            }
        };
        SignatureProgress progress = new SignatureProgress(transactions, d -> {
            signatures.record(d.documentId(), stage.key(part), documents.schoolClass().id().value(), signerName,
                    d.sha256(), d.at());
            // A batch killed between writing a file and this transaction left the signature unaudited:
            // the resumed batch finds it already signed and writes the missing entry, once.
            if (d.newlySigned() || d.stageFile() && !audited(d.documentId(), d.sha256())) {
                audit.append(new AuditRecord(by, "DOCUMENT_SIGNED", "document " + d.documentId(), null, d.sha256(),
                        stage.role().title() + " " + signerName + ", lớp " + documents.schoolClass().code(), null));
            }
        });
        BatchSigner.Result result;
        try {
            result = batch.sign(ids, target, request, credential, (id, outcome, done, total) -> {
                if (outcome == BatchSigner.Outcome.FAILED) {
                    return;
                }
                // This stage's own file: once the next signer signed, the latest file is theirs.
                boolean stageFile = store.hasStage(id);
                String sha256 = stageFile ? store.stageSha256(id) : Sha256.hex(store.read(id));
                progress.done(new SignatureProgress.Done(id, sha256, outcome == BatchSigner.Outcome.SIGNED, stageFile,
                        clock.instant()));
            });
        } catch (RuntimeException e) {
            try {
                progress.flush(); // what was signed before the failure is recorded as before
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        progress.flush();
        log.info("Class {}, stage {}: {} signed, {} already signed, {} failed in {} ms", documents.schoolClass().code(),
                stage, result.signed().size(), result.alreadySigned().size(), result.failed().size(),
                (System.nanoTime() - started) / 1_000_000);
        // The audit chain is anchored after every signing batch (nothing is made when no entry was added).
        checkpoints.anchor("ký số: " + stage.role().title() + " " + signerName + ", lớp " + documents.schoolClass().code());
        if (!result.failed().isEmpty()) {
            throw new SigningException("Không ký được " + result.failed().size() + " văn bản của lớp "
                    + documents.schoolClass().code() + " (" + stage.role().title() + "): "
                    + failures(result));
        }
        return result;
    }

    /** Each reason once, with the documents it stopped (a TSA outage stops the rest of a batch for one reason). */
    private static String failures(BatchSigner.Result result) {
        return result.failed().entrySet().stream().collect(Collectors.groupingBy(java.util.Map.Entry::getValue,
                java.util.LinkedHashMap::new, Collectors.mapping(java.util.Map.Entry::getKey, Collectors.toList())))
                .entrySet().stream().map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")")
                .collect(Collectors.joining("; "));
    }

    /** True when the signature that produced the file with this SHA-256 is in the audit log. */
    private boolean audited(String documentId, String sha256) {
        return audit.history("document " + documentId).stream()
                .anyMatch(e -> e.record().action().equals("DOCUMENT_SIGNED") && sha256.equals(e.record().newValue()));
    }
}
