package vn.hocba.storage;

import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import java.net.URI;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3 API server in this JVM (S3Proxy over jclouds' transient, in-memory backend) on a free
 * loopback port, with AWS signature authentication: what the object store tests talk to.
 */
public final class S3Server implements AutoCloseable {

    public static final String ACCESS_KEY = "hocba-test";
    public static final String SECRET_KEY = "hocba-test-secret-key";

    private final S3Proxy proxy;
    private final BlobStoreContext context;

    private S3Server(S3Proxy proxy, BlobStoreContext context) {
        this.proxy = proxy;
        this.context = context;
    }

    /** Starts the server; {@code authenticated} false lets anonymous clients in (several nodes in one JVM). */
    public static S3Server start(boolean authenticated) throws Exception {
        BlobStoreContext context = ContextBuilder.newBuilder("transient").credentials("identity", "credential")
                .overrides(new Properties()).build(BlobStoreContext.class);
        S3Proxy.Builder builder = S3Proxy.builder().blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"));
        builder = authenticated ? builder.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                : builder.awsAuthentication(AuthenticationType.NONE, null, null);
        S3Proxy proxy = builder.build();
        proxy.start();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!"STARTED".equals(String.valueOf(proxy.getState())) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return new S3Server(proxy, context);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    /** A client of this server (bypassing HocBa's store: what an intruder with bucket rights would use). */
    public MinioClient client() {
        return MinioClient.builder().endpoint(endpoint()).credentials(ACCESS_KEY, SECRET_KEY).build();
    }

    public void createBucket(String bucket) throws Exception {
        client().makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        context.close();
    }
}
