package vn.hocba.hocbaso;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** The profile's schema ({@link HocBaSoProfile#SCHEMA}); every generated and signed record must pass it. */
public final class RecordSchema {

    private static final Schema SCHEMA = load();

    private RecordSchema() {
    }

    /** The schema's complaints about {@code record}, empty when it is valid. */
    public static List<String> problems(Document record) {
        List<String> problems = new ArrayList<>();
        Validator validator = SCHEMA.newValidator();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                problems.add(e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                problems.add(e.getMessage());
            }
        });
        try {
            validator.validate(new DOMSource(record));
        } catch (SAXException | IOException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    /** @throws IllegalStateException naming the schema's first complaint */
    public static void requireValid(Document record) {
        List<String> problems = problems(record);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Học bạ số không đúng lược đồ " + HocBaSoProfile.SCHEMA + ": " + problems.get(0));
        }
    }

    private static Schema load() {
        URL xsd = RecordSchema.class.getClassLoader().getResource(HocBaSoProfile.SCHEMA);
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(xsd);
        } catch (SAXException e) {
            throw new IllegalStateException("Lược đồ " + HocBaSoProfile.SCHEMA + " không đọc được", e);
        }
    }
}
