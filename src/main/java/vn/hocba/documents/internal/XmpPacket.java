package vn.hocba.documents.internal;

import java.io.StringWriter;
import java.text.Normalizer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import vn.hocba.documents.DocumentData;

/**
 * The XMP metadata packet: dc:title, xmp dates, pdf:Producer (all equal to the document info
 * dictionary, as PDF/A requires) and pdfaid part 3 / conformance B. Written with the JDK's StAX
 * writer directly: xmpbox serialises through whatever TransformerFactory is on the classpath,
 * and with Saxon present that costs more than the rest of the post-processing. HocBa's own
 * properties (document id, version, embedded file) come from {@link XmpDocumentSchema}.
 */
final class XmpPacket {

    private static final XMLOutputFactory STAX = XMLOutputFactory.newDefaultFactory();
    private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String XMP = "http://ns.adobe.com/xap/1.0/";
    private static final String PDF = "http://ns.adobe.com/pdf/1.3/";
    private static final String PDFAID = "http://www.aiim.org/pdfa/ns/id/";

    /** {@link XmpDocumentSchema#writeDeclaration} as the writer writes it (the rdf prefix is bound by the packet). */
    private static final String DECLARATION = declaration();

    private XmpPacket() {
    }

    private static String declaration() {
        StringWriter out = new StringWriter(2048);
        try {
            XMLStreamWriter x = STAX.createXMLStreamWriter(out);
            XmpDocumentSchema.writeDeclaration(x);
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XMP", e);
        }
        return out.toString();
    }

    static String of(DocumentData data, String producer) {
        String date = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                data.identity().issuedAt().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
        StringWriter out = new StringWriter(2048);
        try {
            XMLStreamWriter x = STAX.createXMLStreamWriter(out);
            x.writeProcessingInstruction("xpacket", "begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"");
            x.writeStartElement("x", "xmpmeta", "adobe:ns:meta/");
            x.writeNamespace("x", "adobe:ns:meta/");
            x.writeStartElement("rdf", "RDF", RDF);
            x.writeNamespace("rdf", RDF);
            description(x, "dc", DC);
            x.writeStartElement("dc", "title", DC);
            x.writeStartElement("rdf", "Alt", RDF);
            x.writeStartElement("rdf", "li", RDF);
            x.writeAttribute("xml:lang", "x-default");
            x.writeCharacters(Normalizer.normalize(data.title(), Normalizer.Form.NFC));
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndElement();
            description(x, "xmp", XMP);
            leaf(x, "xmp", XMP, "CreateDate", date);
            leaf(x, "xmp", XMP, "ModifyDate", date);
            leaf(x, "xmp", XMP, "MetadataDate", date);
            x.writeEndElement();
            description(x, "pdf", PDF);
            leaf(x, "pdf", PDF, "Producer", producer);
            x.writeEndElement();
            description(x, "pdfaid", PDFAID);
            leaf(x, "pdfaid", PDFAID, "part", "3");
            leaf(x, "pdfaid", PDFAID, "conformance", "B");
            x.writeEndElement();
            XmpDocumentSchema.writeValues(x, data);
            x.flush(); // the values' element is closed: the declaration, the same for every document, goes in as text
            out.write(DECLARATION);
            x.writeEndElement();
            x.writeEndElement();
            x.writeProcessingInstruction("xpacket", "end=\"w\"");
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XMP", e);
        }
        return out.toString();
    }

    private static void description(XMLStreamWriter x, String prefix, String ns) throws XMLStreamException {
        x.writeStartElement("rdf", "Description", RDF);
        x.writeNamespace(prefix, ns);
        x.writeAttribute("rdf", RDF, "about", "");
    }

    private static void leaf(XMLStreamWriter x, String prefix, String ns, String name, String value)
            throws XMLStreamException {
        x.writeStartElement(prefix, name, ns);
        x.writeCharacters(value);
        x.writeEndElement();
    }
}
