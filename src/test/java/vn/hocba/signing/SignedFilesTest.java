package vn.hocba.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hocba.pades.SigningException;

class SignedFilesTest {

    @TempDir
    Path directory;

    @Test
    void aDocumentIsReadFromItsLatestSignedStageOrElseFromTheIssuedOriginal() throws Exception {
        Path original = Files.write(directory.resolve("original.pdf"), "issued".getBytes());
        Path signed = directory.resolve("signed");

        assertThat(new SignedFiles(signed, id -> original, SigningStage.PRINCIPAL).read("HB-1-v1")).asString()
                .isEqualTo("issued");
        new SignedFiles(signed, id -> original, SigningStage.HOMEROOM_TEACHER).replace("HB-1-v1", "gvcn".getBytes());
        new SignedFiles(signed, id -> original, SigningStage.PRINCIPAL).replace("HB-1-v1", "hieu truong".getBytes());

        assertThat(new SignedFiles(signed, id -> original, SigningStage.SCHOOL_SEAL).read("HB-1-v1")).asString()
                .isEqualTo("hieu truong");
        assertThat(Files.readString(signed.resolve("HB-1-v1").resolve(SigningStage.HOMEROOM_TEACHER.fileName())))
                .isEqualTo("gvcn");
        assertThat(Files.readString(original)).isEqualTo("issued");
    }

    @Test
    void aSignedFileIsNeverOverwrittenAndNoTemporaryFileIsLeft() throws Exception {
        SignedFiles store = new SignedFiles(directory, id -> directory.resolve("none"), SigningStage.SCHOOL_SEAL);
        store.replace("HB-2-v1", "first".getBytes());

        assertThatThrownBy(() -> store.replace("HB-2-v1", "second".getBytes())).isInstanceOf(SigningException.class)
                .hasMessageContaining("không bao giờ bị ghi đè");
        assertThat(store.read("HB-2-v1")).asString().isEqualTo("first");
        try (var files = Files.list(directory.resolve("HB-2-v1"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly(SigningStage.SCHOOL_SEAL.fileName());
        }
    }

    @Test
    void coTeachersEachAddAFileOfTheirOwnAndTheSecondTeacherReadsWhatTheFirstSigned() throws Exception {
        Path original = Files.write(directory.resolve("original.pdf"), "issued".getBytes());
        Path signed = directory.resolve("signed");
        SignedFiles first = new SignedFiles(signed, id -> original, SigningStage.SUBJECT_TEACHER, 1);
        SignedFiles second = new SignedFiles(signed, id -> original, SigningStage.SUBJECT_TEACHER, 2);

        first.replace("KQ-LS_DL-v1", "lich su".getBytes());
        assertThat(second.hasStage("KQ-LS_DL-v1")).isFalse();
        assertThat(second.read("KQ-LS_DL-v1")).asString().isEqualTo("lich su");
        second.replace("KQ-LS_DL-v1", "lich su, dia li".getBytes());

        assertThat(new SignedFiles(signed, id -> original, SigningStage.LONG_TERM).read("KQ-LS_DL-v1")).asString()
                .isEqualTo("lich su, dia li");
        assertThat(Files.readString(signed.resolve("KQ-LS_DL-v1").resolve("1-gvbm.pdf"))).isEqualTo("lich su");
        assertThat(Files.readString(signed.resolve("KQ-LS_DL-v1").resolve("1-gvbm-2.pdf"))).isEqualTo("lich su, dia li");
    }
}
