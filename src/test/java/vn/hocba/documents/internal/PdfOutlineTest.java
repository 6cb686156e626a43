package vn.hocba.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.hocba.documents.DocumentData;
import vn.hocba.documents.RenderSettings;
import vn.hocba.documents.sample.SampleDocuments;

/**
 * Issue 19: the per-student templates (transcript, report card) list their outline in {@code <bookmarks>}, so Flying
 * Saucer does not walk every element and box of the laid-out document to find the headings. The PDF must be the one
 * the walk gives: the same bookmarks with the same titles and targets, i.e. byte for byte the same file. A heading
 * added to a template without its bookmark (or the reverse) fails here.
 */
class PdfOutlineTest {

    private final TemplateFiller templates = new TemplateFiller(Optional.empty());
    private final PdfLayout layout = new PdfLayout();

    @Test
    void theListedOutlineGivesTheSamePdfAsTheOutlineFoundFromTheHeadings() throws IOException {
        SampleDocuments samples = SampleDocuments.withClassSize(4);
        List<DocumentData> documents = new ArrayList<>();
        for (int i = 0; i < samples.classSize(); i++) {
            documents.addAll(List.of(samples.transcript(i), samples.reportCard(i), samples.yearReportCard(i)));
        }
        for (DocumentData data : documents) {
            String xhtml = filled(data);
            Document withoutList = layout.parse(xhtml);
            Element head = (Element) withoutList.getDocumentElement().getElementsByTagName("head").item(0);
            Element list = (Element) head.getElementsByTagName("bookmarks").item(0);
            assertThat(list).as("<bookmarks> of %s", data.identity().versionLabel()).isNotNull();
            head.removeChild(list);

            byte[] listed = pdf(data, layout.parse(xhtml));
            byte[] found = pdf(data, withoutList);

            assertThat(outline(listed)).as("outline of %s", data.identity().versionLabel()).hasSizeGreaterThan(1);
            assertThat(Arrays.equals(listed, found)).as("same PDF for %s", data.identity().versionLabel()).isTrue();
        }
    }

    private String filled(DocumentData data) {
        byte[] xml = DataXml.write(data);
        return templates.fill(data, mark(data, xml));
    }

    private static VerificationMark mark(DocumentData data, byte[] xml) {
        return VerificationMark.of(data.identity(), DocumentPipeline.sha256(xml),
                RenderSettings.defaults().verificationBaseUrl());
    }

    private byte[] pdf(DocumentData data, Document xhtml) {
        byte[] xml = DataXml.write(data);
        byte[] pdf = layout.layout(xhtml, new PdfAParts(data, xml, Optional.empty()));
        DocumentFileId.set(pdf, DocumentPipeline.sha256(xml)); // OpenPDF's own file ID has the time in it
        return pdf;
    }

    private static List<String> outline(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return titles(document.getDocumentCatalog().getDocumentOutline()).toList();
        }
    }

    private static Stream<String> titles(PDOutlineNode node) {
        if (node == null) {
            return Stream.empty();
        }
        List<String> titles = new ArrayList<>();
        for (PDOutlineItem item : node.children()) {
            titles.add(item.getTitle());
            titles.addAll(titles(item).toList());
        }
        return titles.stream();
    }
}
