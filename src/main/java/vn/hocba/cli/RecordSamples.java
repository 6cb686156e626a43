package vn.hocba.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.hocba.documents.TranscriptData;
import vn.hocba.hocbaso.ClassPackage;
import vn.hocba.hocbaso.SampleRecords;
import vn.hocba.hocbaso.XmlDocuments;
import vn.hocba.pades.devpki.DevelopmentPki;

/**
 * The signed học bạ số samples: the demo student's record signed in every slot
 * ({@code <student>.hocbaso.xml}) and the class package of a few students' records
 * ({@code <class>.hocbaso-package.zip}), with the same fresh development PKI as the signed PDFs.
 */
final class RecordSamples {

    private RecordSamples() {
    }

    /** Writes the records and the package; returns the first student's record (the sample transcript's). */
    static byte[] write(Path dir, List<TranscriptData> transcripts, DevelopmentPki pki, PrintStream out) throws IOException {
        List<ClassPackage.Entry> entries = new ArrayList<>();
        for (TranscriptData t : transcripts) {
            byte[] record = XmlDocuments.bytes(SampleRecords.signed(t, pki));
            entries.add(new ClassPackage.Entry(t.student().studentCode() + ".hocbaso.xml", record));
        }
        Path record = dir.resolve(entries.get(0).fileName());
        Files.write(record, entries.get(0).record());
        TranscriptData first = transcripts.get(0);
        Path pack = dir.resolve(first.className() + ".hocbaso-package.zip");
        Files.write(pack, ClassPackage.build(first.school().code() + "-" + first.schoolYear() + "-" + first.className(),
                entries, pki.organisation(first.school().name())));
        out.println(record + "  học bạ số ký bởi các GVBM, GVCN, Hiệu trưởng, CTS phát hành (XAdES-T: XMLDSig, thuộc tính ký và dấu thời gian mỗi ô)");
        out.println(pack + "  gói học bạ số của lớp (" + entries.size() + " học bạ, bản kê ký bằng CTS phát hành)");
        return entries.get(0).record();
    }
}
