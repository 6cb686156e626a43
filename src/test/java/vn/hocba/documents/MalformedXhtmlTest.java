package vn.hocba.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import vn.hocba.documents.sample.SampleDocuments;

/**
 * A value that cannot stand in XHTML (a control character pasted into a comment) fails its document with the error the
 * generation reports by document, and nothing else: the XML parser must not print its own "[Fatal Error] …" line to
 * stderr, where it bypasses the log and names no document.
 */
class MalformedXhtmlTest {

    @Test
    void aControlCharacterFailsTheDocumentWithoutWritingToStderr() {
        SampleDocuments samples = SampleDocuments.withClassSize(1);
        DocumentData broken = PrintedLayoutTest.with(samples.transcript(0), "homeroomComment", "Chăm ngoan\u0001");
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            // a renderer made after stderr is replaced: the parser's own default handler would print to this stream
            DocumentRenderer renderer = new DocumentRenderer();
            assertThatThrownBy(() -> renderer.render(broken, new ByteArrayOutputStream()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("template produced malformed XHTML")
                    .hasMessageContaining("0x1");
        } finally {
            System.setErr(original);
        }
        assertThat(stderr.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
