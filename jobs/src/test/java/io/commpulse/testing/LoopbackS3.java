package io.commpulse.testing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.options.ListContainerOptions;

/**
 * An S3-compatible server in this JVM (s3proxy over an in-memory blob store) on a free port of
 * 127.0.0.1. It checks request signatures against the identity and secret it is given, as a real
 * object store does.
 */
public final class LoopbackS3 implements AutoCloseable {
  private final BlobStoreContext context;
  private final S3Proxy proxy;

  private LoopbackS3(BlobStoreContext context, S3Proxy proxy) {
    this.context = context;
    this.proxy = proxy;
  }

  public static LoopbackS3 start(String accessKey, String secretKey) {
    BlobStoreContext context =
        ContextBuilder.newBuilder("transient")
            .credentials(accessKey, secretKey)
            .overrides(new Properties())
            .build(BlobStoreContext.class);
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(context.getBlobStore())
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
            .build();
    try {
      proxy.start();
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (!"STARTED".equals(proxy.getState())) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
        }
        Thread.sleep(10);
      }
    } catch (Exception e) {
      context.close();
      throw new IllegalStateException("cannot start s3proxy", e);
    }
    return new LoopbackS3(context, proxy);
  }

  /** What {@code fs.s3a.endpoint} names. */
  public String endpoint() {
    return "http://127.0.0.1:" + proxy.getPort();
  }

  public void createBucket(String bucket) {
    context.getBlobStore().createContainerInLocation(null, bucket);
  }

  /**
   * Every object key in the bucket under a prefix, read from the store itself rather than through
   * S3A.
   */
  public List<String> keys(String bucket, String prefix) {
    BlobStore store = context.getBlobStore();
    List<String> keys = new ArrayList<>();
    ListContainerOptions options = ListContainerOptions.Builder.prefix(prefix).recursive();
    String marker = null;
    do {
      var page = store.list(bucket, marker == null ? options : options.afterMarker(marker));
      for (StorageMetadata item : page) {
        keys.add(item.getName());
      }
      marker = page.getNextMarker();
    } while (marker != null);
    return keys;
  }

  @Override
  public void close() {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("cannot stop s3proxy", e);
    } finally {
      context.close();
    }
  }
}
