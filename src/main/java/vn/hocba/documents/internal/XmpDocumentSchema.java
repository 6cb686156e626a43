package vn.hocba.documents.internal;

import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import vn.hocba.documents.DocumentData;
import vn.hocba.documents.DocumentIdentity;

/**
 * HocBa's own XMP properties, like Factur-X's {@code fx:} ones: which embedded file holds the data,
 * its format, and the document id and version, so that a verifier finds them in the metadata
 * without parsing the attachment. PDF/A requires custom properties to be declared in a
 * {@code pdfaExtension:schemas} block, written here too.
 */
final class XmpDocumentSchema {

    static final String NS = "urn:hocba:pdfa:1#";
    private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static final String EXT = "http://www.aiim.org/pdfa/ns/extension/";
    private static final String SCHEMA = "http://www.aiim.org/pdfa/ns/schema#";
    private static final String PROPERTY = "http://www.aiim.org/pdfa/ns/property#";

    private record Property(String name, String description) {
    }

    private static final List<Property> PROPERTIES = List.of(
            new Property("DocumentFileName", "name of the embedded data XML file"),
            new Property("DocumentType", "HocBa document type, e.g. TRANSCRIPT"),
            new Property("DataNamespace", "XML namespace of the embedded data, e.g. urn:hocba:transcript:1"),
            new Property("DocumentId", "document id shared by all versions"),
            new Property("DocumentVersion", "version number of this document"),
            new Property("Supersedes", "version label this version replaces"));

    private XmpDocumentSchema() {
    }

    static void writeValues(XMLStreamWriter x, DocumentData data) throws XMLStreamException {
        DocumentIdentity id = data.identity();
        x.writeStartElement("rdf", "Description", RDF);
        x.writeNamespace("hocba", NS);
        x.writeAttribute("rdf", RDF, "about", "");
        leaf(x, "DocumentFileName", data.kind().attachmentName());
        leaf(x, "DocumentType", data.kind().name());
        leaf(x, "DataNamespace", data.kind().namespace());
        leaf(x, "DocumentId", id.documentId());
        leaf(x, "DocumentVersion", String.valueOf(id.version()));
        if (id.supersedes().isPresent()) {
            leaf(x, "Supersedes", id.supersedes().get());
        }
        x.writeEndElement();
    }

    static void writeDeclaration(XMLStreamWriter x) throws XMLStreamException {
        x.writeStartElement("rdf", "Description", RDF);
        x.writeNamespace("pdfaExtension", EXT);
        x.writeNamespace("pdfaSchema", SCHEMA);
        x.writeNamespace("pdfaProperty", PROPERTY);
        x.writeAttribute("rdf", RDF, "about", "");
        x.writeStartElement("pdfaExtension", "schemas", EXT);
        x.writeStartElement("rdf", "Bag", RDF);
        resource(x);
        text(x, "pdfaSchema", SCHEMA, "schema", "HocBa document data");
        text(x, "pdfaSchema", SCHEMA, "namespaceURI", NS);
        text(x, "pdfaSchema", SCHEMA, "prefix", "hocba");
        x.writeStartElement("pdfaSchema", "property", SCHEMA);
        x.writeStartElement("rdf", "Seq", RDF);
        for (Property p : PROPERTIES) {
            resource(x);
            text(x, "pdfaProperty", PROPERTY, "name", p.name());
            text(x, "pdfaProperty", PROPERTY, "valueType", "Text");
            text(x, "pdfaProperty", PROPERTY, "category", "external");
            text(x, "pdfaProperty", PROPERTY, "description", p.description());
            x.writeEndElement();
        }
        x.writeEndElement(); // Seq
        x.writeEndElement(); // property
        x.writeEndElement(); // li
        x.writeEndElement(); // Bag
        x.writeEndElement(); // schemas
        x.writeEndElement(); // Description
    }

    private static void resource(XMLStreamWriter x) throws XMLStreamException {
        x.writeStartElement("rdf", "li", RDF);
        x.writeAttribute("rdf", RDF, "parseType", "Resource");
    }

    private static void leaf(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        text(x, "hocba", NS, name, value);
    }

    private static void text(XMLStreamWriter x, String prefix, String ns, String name, String value)
            throws XMLStreamException {
        x.writeStartElement(prefix, name, ns);
        x.writeCharacters(value);
        x.writeEndElement();
    }
}
