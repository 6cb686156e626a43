package vn.hocba.hocbaso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import vn.hocba.documents.TranscriptData;
import vn.hocba.documents.sample.SampleDocuments;
import vn.hocba.pades.devpki.DevelopmentPki;

/**
 * The sealed transcript names its embedded record after the student code read from the record: the streamed
 * reading must give what the record's DOM gives, for every student's record, unsigned and signed in every slot.
 */
class RecordStudentCodeTest {

    @TempDir
    static Path dir;

    @Test
    void theCodeIsTheOneTheParsedRecordStatesUnsignedAndFullySigned() {
        DevelopmentPki pki = DevelopmentPki.createFresh(dir.resolve("pki"));
        List<TranscriptData> transcripts = SampleDocuments.create().transcripts();
        for (TranscriptData transcript : transcripts) {
            byte[] unsigned = XmlDocuments.bytes(SampleRecords.unsigned(transcript));
            assertThat(RecordStudentCode.of(unsigned)).isEqualTo(byDom(unsigned)).isNotBlank();
        }
        Document record = SampleRecords.signInOrder(SampleRecords.unsigned(transcripts.get(1)), pki,
                SignatureForm.XADES_T);
        byte[] signed = XmlDocuments.bytes(record);
        assertThat(RecordSlots.of(XmlDocuments.parse(signed)).all()).allMatch(SignatureSlot::signed);
        assertThat(RecordStudentCode.of(signed)).isEqualTo(byDom(signed))
                .isEqualTo(transcripts.get(1).student().studentCode());
    }

    @Test
    void aPrefixedElementOfThatNameIsNotTheCodeAndARecordWithoutOneIsRefused() {
        byte[] xml = ("<HOC_BA xmlns:x=\"urn:x\"><x:MA_HOC_SINH>khác</x:MA_HOC_SINH>"
                + "<MA_HOC_SINH>HS&amp;01</MA_HOC_SINH><MA_HOC_SINH>sau</MA_HOC_SINH></HOC_BA>")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(RecordStudentCode.of(xml)).isEqualTo(byDom(xml)).isEqualTo("HS&01");
        assertThatThrownBy(() -> RecordStudentCode.of("<HOC_BA/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String byDom(byte[] xml) {
        return XmlDocuments.parse(xml).getElementsByTagName(HocBaSoProfile.SCHOOL_STUDENT_CODE).item(0).getTextContent();
    }
}
