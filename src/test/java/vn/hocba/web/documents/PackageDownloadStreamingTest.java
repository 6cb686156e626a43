package vn.hocba.web.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.ParameterizedType;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.ResourceHttpMessageConverter;
import vn.hocba.storage.ObjectStore;
import vn.hocba.storage.S3Server;
import vn.hocba.storage.StorageSettings;

/**
 * Issue 20 item 5: the clerk's 9 MB package goes from the bucket to the client as a stream. The download
 * answers an {@link InputStreamResource} over the store's checked stream, and Spring's converter for it
 * (what writes the controller's body) sends the first bytes when only a buffer's worth has been read from
 * the bucket: the package is never held whole by the node.
 */
class PackageDownloadStreamingTest {

    private static final int NINE_MB = 9 * 1024 * 1024;
    private static S3Server server;
    private static ObjectStore store;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3Server.start(true);
        server.createBucket("hocba-packages");
        store = StorageSettings.open("s3", null, server.endpoint(), "hocba-packages", "us-east-1", true,
                name -> Map.of(StorageSettings.ACCESS_KEY, S3Server.ACCESS_KEY,
                        StorageSettings.SECRET_KEY, S3Server.SECRET_KEY).get(name));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void theDownloadsAnswerAStreamingBody() throws Exception {
        for (Class<?> controller : new Class<?>[] {ClassDocumentsApiController.class, DocumentsApiController.class}) {
            var download = java.util.Arrays.stream(controller.getDeclaredMethods())
                    .filter(m -> m.getName().equals("download")).findFirst().orElseThrow();
            ParameterizedType type = (ParameterizedType) download.getGenericReturnType();
            assertThat(type.getRawType()).isEqualTo(ResponseEntity.class);
            assertThat(type.getActualTypeArguments()[0]).as(controller.getSimpleName())
                    .isEqualTo(InputStreamResource.class);
        }
    }

    @Test
    void aNineMegabytePackageIsSentWhileItIsStillBeingReadFromTheBucket() throws Exception {
        byte[] zip = new byte[NINE_MB];
        new Random(6).nextBytes(zip);
        String key = "exports/2025-2026/6A1-v1.zip";
        String sha256 = store.put(key, "6A1-v1.zip", out -> out.write(zip)).sha256();

        AtomicLong pulled = new AtomicLong();
        InputStream fromBucket = new FilterInputStream(store.open(key, sha256, "6A1-v1.zip")) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                pulled.addAndGet(Math.max(n, 0));
                return n;
            }
        };
        Sink sink = new Sink(pulled);
        new ResourceHttpMessageConverter().write(new InputStreamResource(fromBucket), MediaType.parseMediaType("application/zip"),
                sink);

        assertThat(sink.sent).isEqualTo(NINE_MB);
        assertThat(java.util.HexFormat.of().formatHex(sink.digest.digest())).isEqualTo(sha256);
        assertThat(sink.pulledAtFirstByte).as("read from the bucket when the first byte went out")
                .isLessThanOrEqualTo(256 * 1024);
    }

    /** The response body: counts what was sent and notes how much had been read from the bucket at the first byte. */
    private static final class Sink implements HttpOutputMessage {

        final HttpHeaders headers = new HttpHeaders();
        final java.security.MessageDigest digest;
        final AtomicLong pulled;
        long sent;
        long pulledAtFirstByte = -1;

        Sink(AtomicLong pulled) throws Exception {
            this.pulled = pulled;
            this.digest = java.security.MessageDigest.getInstance("SHA-256");
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }

        @Override
        public OutputStream getBody() {
            return new OutputStream() {
                @Override
                public void write(int b) {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    if (pulledAtFirstByte < 0) {
                        pulledAtFirstByte = pulled.get();
                    }
                    digest.update(b, off, len);
                    sent += len;
                }
            };
        }
    }
}
