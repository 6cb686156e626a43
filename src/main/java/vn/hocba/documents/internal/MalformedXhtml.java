package vn.hocba.documents.internal;

import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * What the XHTML parser does with a problem in the filled template: it is the document's failure, reported once by the
 * exception the rendering already throws. Without an error handler the JDK's parser also prints "[Fatal Error] …" to
 * stderr, which bypasses the log and says nothing about which document failed.
 */
final class MalformedXhtml implements ErrorHandler {

    static final MalformedXhtml REPORT = new MalformedXhtml();

    private MalformedXhtml() {
    }

    @Override
    public void warning(SAXParseException exception) {
        // a non-validating parse warns only about things it then ignores (nothing a page shows)
    }

    @Override
    public void error(SAXParseException exception) throws SAXParseException {
        throw exception;
    }

    @Override
    public void fatalError(SAXParseException exception) throws SAXParseException {
        throw exception;
    }
}
