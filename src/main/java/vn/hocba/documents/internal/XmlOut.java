package vn.hocba.documents.internal;

import java.io.OutputStream;
import java.text.Normalizer;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** A small StAX writer for the data formats: one default namespace, NFC text, no empty noise. */
final class XmlOut implements AutoCloseable {

    private static final XMLOutputFactory STAX = XMLOutputFactory.newDefaultFactory();

    private final XMLStreamWriter writer;

    XmlOut(OutputStream out, String rootName, String namespace) {
        try {
            writer = STAX.createXMLStreamWriter(out, "UTF-8");
            writer.writeStartDocument("UTF-8", "1.0");
            writer.setDefaultNamespace(namespace);
            writer.writeStartElement(namespace, rootName);
            writer.writeDefaultNamespace(namespace);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlOut start(String name) {
        try {
            writer.writeStartElement(name);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlOut attr(String name, Object value) {
        try {
            writer.writeAttribute(name, nfc(String.valueOf(value)));
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlOut end() {
        try {
            writer.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An element with text content; written even when empty so that positions stay aligned. */
    XmlOut leaf(String name, Object value) {
        try {
            writer.writeStartElement(name);
            writer.writeCharacters(nfc(String.valueOf(value)));
            writer.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An element only when the value is not empty (optional in the schema). */
    XmlOut optional(String name, String value) {
        return value == null || value.isEmpty() ? this : leaf(name, value);
    }

    @Override
    public void close() {
        try {
            writer.writeEndElement();
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}
