package vn.hocba.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hocba.documents.sample.SampleDocuments;

class ClassDocumentGeneratorTest {

    @TempDir
    Path dir;

    @Test
    void generatesEveryDocumentOfAClassIntoImmutableFilesWithTheirHash() throws Exception {
        SampleDocuments samples = SampleDocuments.withClassSize(3);
        FileSystemDocumentStore store = new FileSystemDocumentStore(dir);
        List<StoredDocument> stored = new ClassDocumentGenerator(new DocumentRenderer())
                .generateClass(samples.classGradebook(), 3, samples::transcript, samples::reportCard, store);

        // 1 gradebook + 12 subject result sheets + 3 transcripts + 3 report cards
        assertThat(stored).hasSize(19);
        StoredDocument transcript = stored.stream().filter(s -> s.kind() == DocumentKind.TRANSCRIPT).findFirst().orElseThrow();
        Path file = Path.of(transcript.location());
        assertThat(Files.size(file)).isEqualTo(transcript.size());
        assertThat(Files.getPosixFilePermissions(file)).doesNotContain(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        assertThat(Files.readString(file.resolveSibling(file.getFileName() + ".sha256")))
                .startsWith(transcript.pdfSha256() + "  ");
        assertThat(stored).filteredOn(s -> s.kind() == DocumentKind.SUBJECT_RESULT_SHEET)
                .map(StoredDocument::versionLabel).contains("SO-01001-2024-2025-7A1-TOAN-v1");
    }

    @Test
    void aRetriedGenerationOfTheSameDataIsAcceptedAsAlreadyDone() throws Exception {
        SampleDocuments samples = SampleDocuments.withClassSize(1);
        FileSystemDocumentStore store = new FileSystemDocumentStore(dir);
        ClassDocumentGenerator generator = new ClassDocumentGenerator(new DocumentRenderer());
        List<StoredDocument> first = generator.generate(List.of(samples.transcript(0)).iterator(), store);
        List<StoredDocument> again = generator.generate(List.of(samples.transcript(0)).iterator(), store);

        assertThat(again.get(0).pdfSha256()).isEqualTo(first.get(0).pdfSha256());
        assertThat(Files.list(dir.resolve("transcript"))).hasSize(2);
    }

    @Test
    void refusesToOverwriteAStoredVersion() throws Exception {
        FileSystemDocumentStore store = new FileSystemDocumentStore(dir);
        store.store(DocumentKind.REPORT_CARD, "LL-1-v1", out -> out.write(1));

        assertThatThrownBy(() -> store.store(DocumentKind.REPORT_CARD, "LL-1-v1", out -> out.write(2)))
                .isInstanceOf(DocumentAlreadyStoredException.class)
                .hasMessageContaining("LL-1-v1").hasMessageContaining("không thể ghi đè");
        assertThat(Files.readAllBytes(dir.resolve("report-card/LL-1-v1.pdf"))).containsExactly(1);
    }
}
