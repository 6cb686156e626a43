package vn.hocba.hocbaso;

import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The school's student code of a record ({@link HocBaSoProfile#SCHOOL_STUDENT_CODE}, the first such element
 * without a prefix, in document order: what {@code getElementsByTagName} of the parsed record gives), read as a
 * stream that stops there. The seal step names each embedded record by it; parsing the whole 160 KB record into
 * a DOM for it was a tenth of that step.
 */
final class RecordStudentCode {

    /** Configured once; creating readers from it is thread-safe. No DTDs, no external entities, as for the DOM. */
    private static final XMLInputFactory FACTORY = factory();

    private RecordStudentCode() {
    }

    static String of(byte[] xml) {
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                while (reader.hasNext()) {
                    if (reader.next() == XMLStreamConstants.START_ELEMENT
                            && HocBaSoProfile.SCHOOL_STUDENT_CODE.equals(reader.getLocalName())
                            && (reader.getPrefix() == null || reader.getPrefix().isEmpty())) {
                        return reader.getElementText();
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("Tệp không phải XML hợp lệ: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("Học bạ số không có " + HocBaSoProfile.SCHOOL_STUDENT_CODE + ".");
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }
}
