package vn.hocba.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import vn.hocba.documents.SubjectResultSheetData;
import vn.hocba.documents.TranscriptData;
import vn.hocba.hocbaso.SealedRecords;
import vn.hocba.pades.AssociatedFileUpdate;
import vn.hocba.pades.SignerRole;
import vn.hocba.pades.SigningChain;
import vn.hocba.pades.SigningCredential;
import vn.hocba.pades.SigningServices;
import vn.hocba.pades.devpki.DevelopmentPki;

/**
 * The signed versions of the samples, made with a fresh development PKI whose keys live in a
 * temporary folder and are deleted afterwards; only its root certificate is kept
 * ({@code trust-root.pem}), so anyone can check the signatures with any validator.
 */
final class SignedSamples {

    private SignedSamples() {
    }

    static void write(Path dir, TranscriptData transcript, byte[] transcriptPdf, SubjectResultSheetData sheet,
            byte[] sheetPdf, PrintStream out, List<TranscriptData> records) throws IOException {
        Path keys = Files.createTempDirectory("hocba-sample-pki");
        try {
            DevelopmentPki pki = DevelopmentPki.createFresh(keys);
            SigningChain chain = SigningServices.development(pki).chain(Clock.systemUTC());
            SigningCredential homeroom = pki.issue(transcript.homeroomTeacher(), "Giáo viên chủ nhiệm", "gvcn@thcsmau.edu.vn");
            SigningCredential principal = pki.issue(transcript.principalName(), "Hiệu trưởng", "hieutruong@thcsmau.edu.vn");
            SigningCredential teacher = pki.issue(sheet.subject().teacherName(), "Giáo viên bộ môn", "gvbm@thcsmau.edu.vn");
            // The học bạ số records first: the sealed transcript carries its student's, signed in every slot,
            // attached before the seal's signature as the ClassDocuments seal step does (issue 17 item 2).
            byte[] record = RecordSamples.write(dir, records, pki, out);
            Path signedTranscript = dir.resolve("transcript-signed.pdf");
            byte[] approved = chain.approve(chain.approve(transcriptPdf, SignerRole.HOMEROOM_TEACHER, homeroom),
                    SignerRole.PRINCIPAL, principal);
            byte[] withRecord = AssociatedFileUpdate.attachToPage(approved, -1, new AssociatedFileUpdate.File(
                    transcript.student().studentCode() + SealedRecords.FILE_SUFFIX, "Học bạ số đã ký đủ các ô",
                    "application/xml", "Source", record, Instant.now()));
            Files.write(signedTranscript, chain.finish(chain.approve(withRecord, SignerRole.SCHOOL_SEAL,
                    pki.organisation(transcript.school().name()))));
            Path signedSheet = dir.resolve("subject-result-sheet-signed.pdf");
            Files.write(signedSheet, chain.signSubjectSheet(sheetPdf, teacher, sheet.subject().code()));
            pki.writeRootPem(dir.resolve("trust-root.pem"));
            out.println(signedTranscript + "  ký bởi GVCN, Hiệu trưởng, con dấu; PAdES-B-LTA; kèm học bạ số đã ký đủ");
            out.println(signedSheet + "  ký bởi GVBM; PAdES-B-LTA");
            out.println(dir.resolve("trust-root.pem") + "  chứng thư gốc của PKI thử nghiệm");
        } finally {
            try (Stream<Path> files = Files.walk(keys)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
