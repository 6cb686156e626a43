package vn.hocba.hocbaso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hocba.common.Rejected;
import vn.hocba.documents.TranscriptData;
import vn.hocba.documents.sample.SampleDocuments;
import vn.hocba.pades.devpki.DevelopmentPki;

/**
 * The class package the school submits (hocbaso.md, "gói của lớp"): only records signed in every slot go in, named by
 * the student's code, and the signed manifest lists each file with its SHA-256; whether the records were checked on
 * the way in ({@link ClassPackage#released}: the slot counts the store recorded, the code read as a stream) or by {@link ClassPackage#build}, the package is
 * the same and checks out.
 */
class ClassPackageTest {

    @TempDir
    static Path dir;
    static DevelopmentPki pki;
    static TranscriptData transcript;
    static byte[] signed;
    /** How many slots the record has: what the store records beside a record signed in every slot. */
    static int slots;

    @BeforeAll
    static void signOneRecord() {
        pki = DevelopmentPki.createFresh(dir.resolve("pki"));
        transcript = SampleDocuments.create().transcript(0);
        signed = XmlDocuments.bytes(SampleRecords.signInOrder(SampleRecords.unsigned(transcript), pki, SignatureForm.XMLDSIG));
        slots = RecordSlots.of(XmlDocuments.parse(signed)).all().size();
    }

    @Test
    void aReleasedRecordIsNamedByTheStudentsCodeAndThePackageChecksOut() {
        ClassPackage.Entry entry = ClassPackage.released(signed, slots, slots);
        assertThat(entry.fileName()).isEqualTo(transcript.student().studentCode() + ".hocbaso.xml");

        byte[] checkedOnTheWayIn = ClassPackage.buildChecked("DEMO01-2025-2026-7A1", List.of(entry),
                pki.organisation("TRƯỜNG THCS MẪU"));
        byte[] checkedByBuild = ClassPackage.build("DEMO01-2025-2026-7A1", List.of(entry),
                pki.organisation("TRƯỜNG THCS MẪU"));

        ClassPackage.Check check = ClassPackage.check(checkedOnTheWayIn, pki.trustAnchors());
        assertThat(check.problems()).isEmpty();
        assertThat(check.valid()).isTrue();
        assertThat(check.records()).isEqualTo(1);
        assertThat(ClassPackage.records(checkedOnTheWayIn)).containsOnlyKeys("hocba/" + entry.fileName());
        assertThat(ClassPackage.records(checkedOnTheWayIn).get("hocba/" + entry.fileName())).isEqualTo(signed);
        assertThat(ClassPackage.check(checkedByBuild, pki.trustAnchors()).valid()).isTrue();
        assertThat(ClassPackage.records(checkedByBuild).get("hocba/" + entry.fileName())).isEqualTo(signed);
    }

    /** The records are deflated at {@link ClassPackage#LEVEL}, not the zip's default level 6 (1.7× its CPU). */
    @Test
    void theRecordsAreDeflatedAtTheFasterLevel() throws java.io.IOException {
        ClassPackage.Entry entry = ClassPackage.released(signed, slots, slots);
        byte[] zip = ClassPackage.buildChecked("DEMO01-2025-2026-7A1", List.of(entry), pki.organisation("TRƯỜNG THCS MẪU"));

        long compressed = -1;
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                in.readAllBytes(); // the sizes follow the data
                if (e.getName().equals("hocba/" + entry.fileName())) {
                    compressed = e.getCompressedSize();
                }
            }
        }
        assertThat(compressed).isEqualTo(deflatedSize(signed, ClassPackage.LEVEL))
                .isNotEqualTo(deflatedSize(signed, java.util.zip.Deflater.DEFAULT_COMPRESSION));
    }

    private static long deflatedSize(byte[] bytes, int level) {
        var deflater = new java.util.zip.Deflater(level, true);
        deflater.setInput(bytes);
        deflater.finish();
        byte[] out = new byte[bytes.length + 1024];
        long size = 0;
        while (!deflater.finished()) {
            size += deflater.deflate(out);
        }
        deflater.end();
        return size;
    }

    @Test
    void aRecordWithAnEmptySlotIsRefusedNamingTheFileAndTheSlot() {
        byte[] unsigned = XmlDocuments.bytes(SampleRecords.unsigned(transcript));
        String file = transcript.student().studentCode() + ".hocbaso.xml";

        assertThatThrownBy(() -> ClassPackage.released(unsigned, slots - 1, slots)).isInstanceOf(Rejected.class)
                .hasMessageContaining("Học bạ số " + file + " chưa được phát hành")
                .hasMessageContaining("còn 1 ô chưa ký");
        assertThatThrownBy(() -> ClassPackage.build("DEMO01-2025-2026-7A1", List.of(new ClassPackage.Entry(file, unsigned)),
                pki.organisation("TRƯỜNG THCS MẪU"))).isInstanceOf(Rejected.class)
                .hasMessageContaining("Học bạ số " + file + " chưa được phát hành");
    }

    @Test
    void aStoredRecordWithoutTheStudentsCodeIsRefusedByName() {
        String text = new String(signed, java.nio.charset.StandardCharsets.UTF_8);
        String code = transcript.student().studentCode();
        byte[] withoutCode = text.replace("<" + HocBaSoProfile.SCHOOL_STUDENT_CODE + ">" + code + "</"
                + HocBaSoProfile.SCHOOL_STUDENT_CODE + ">", "").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(withoutCode).isNotEqualTo(signed);

        assertThatThrownBy(() -> ClassPackage.released(withoutCode, slots, slots)).isInstanceOf(Rejected.class)
                .hasMessageContaining("không có mã học sinh (MA_HOC_SINH)");
    }
}
