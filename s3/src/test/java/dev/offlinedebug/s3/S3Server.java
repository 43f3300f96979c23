package dev.offlinedebug.s3;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.HashMap;
import java.util.Map;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3-compatible server (s3proxy over jclouds' in-memory blob store) on 127.0.0.1, checking
 * AWS Signature V4 against one key pair. It can be stopped and started again on the same port with
 * the same objects, as a server that goes away and comes back. Public for the CLI's tests (test jar).
 */
public final class S3Server implements AutoCloseable {
  public static final String ACCESS_KEY = "AKIAOFFLINEDEBUGTEST1";
  public static final String SECRET_KEY = "s3cr3tOfflineDebugTestKeyThatMustNeverLeak";
  public static final String BUCKET = "dumps";

  private final BlobStoreContext context;
  private final BlobStore blobs;
  /** The keys of the objects the server read for GET requests, in order. */
  private final Queue<String> reads = new ConcurrentLinkedQueue<>();
  private final Queue<String> sizeRequests = new ConcurrentLinkedQueue<>();
  /** The buckets listed for LIST requests (a page each), in order. */
  private final Queue<String> listings = new ConcurrentLinkedQueue<>();
  private S3Proxy proxy;
  private int port;

  private S3Server() {
    this.context = ContextBuilder.newBuilder("transient").credentials("identity", "credential")
        .build(BlobStoreContext.class);
    this.blobs = context.getBlobStore();
    blobs.createContainerInLocation(null, BUCKET);
  }

  /** Starts a server on a free port of 127.0.0.1 with an empty bucket {@link #BUCKET}. */
  public static S3Server start() throws Exception {
    S3Server server = new S3Server();
    server.startProxy(0);
    return server;
  }

  private void startProxy(int onPort) throws Exception {
    proxy = S3Proxy.builder()
        .blobStore(countingReads())
        .endpoint(URI.create("http://127.0.0.1:" + onPort))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
        .build();
    proxy.start();
    while (!"STARTED".equals(proxy.getState())) {
      Thread.sleep(5);
    }
    port = proxy.getPort();
  }

  /**
   * The server's blob store, noting the key of every object it reads for a GET (whole or ranged),
   * of every object whose metadata it reads for a HEAD, and the bucket of every page it lists.
   */
  private BlobStore countingReads() {
    return (BlobStore) Proxy.newProxyInstance(BlobStore.class.getClassLoader(), new Class<?>[] {BlobStore.class},
        (self, method, args) -> {
          if (method.getName().equals("getBlob")) {
            reads.add((String) args[1]);
          } else if (method.getName().equals("blobMetadata")) {
            sizeRequests.add((String) args[1]);
          } else if (method.getName().equals("list") && args != null) {
            listings.add((String) args[0]);
          }
          try {
            return method.invoke(blobs, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  /** The keys of the objects read by GET requests since the last call, in order. */
  public List<String> takeReads() {
    return take(reads);
  }

  /** The keys of the objects HEAD requests asked about (their size) since the last call, in order. */
  public List<String> takeSizeRequests() {
    return take(sizeRequests);
  }

  /** The buckets listed by LIST requests since the last call, one for each page, in order. */
  public List<String> takeListings() {
    return take(listings);
  }

  private static List<String> take(Queue<String> keys) {
    List<String> taken = new ArrayList<>();
    for (String key; (key = keys.poll()) != null; ) {
      taken.add(key);
    }
    return taken;
  }

  /** The endpoint for {@code AWS_ENDPOINT_URL_S3}. */
  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  /** Stops answering, keeping the objects. */
  public void stop() throws Exception {
    proxy.stop();
  }

  /** Answers again, on the same port, with the same objects. */
  public void restart() throws Exception {
    startProxy(port);
  }

  /** Whether the bucket holds {@code key}. */
  public boolean has(String key) {
    return blobs.blobExists(BUCKET, key);
  }

  /** The size of object {@code key}, or -1 when there is none. */
  public long size(String key) {
    var metadata = blobs.blobMetadata(BUCKET, key);
    return metadata == null ? -1 : metadata.getContentMetadata().getContentLength();
  }

  /** The bytes of object {@code key}. */
  public byte[] get(String key) throws IOException {
    try (InputStream in = blobs.getBlob(BUCKET, key).getPayload().openStream()) {
      return in.readAllBytes();
    }
  }

  /** Replaces object {@code key} with {@code bytes} behind the uploader's back: damage, or a lagging copy. */
  public void put(String key, byte[] bytes) {
    blobs.putBlob(BUCKET, blobs.blobBuilder(key).payload(bytes).contentLength(bytes.length).build());
  }

  /** Removes object {@code key}. */
  public void remove(String key) {
    blobs.removeBlob(BUCKET, key);
  }

  /**
   * Points the AWS chain of this JVM (its system properties, which the client reads before the
   * environment) at this server, for the loader the tests call in-process.
   */
  public void useFromThisJvm() {
    System.setProperty("aws.accessKeyId", ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", SECRET_KEY);
    System.setProperty("aws.region", "us-east-1");
    System.setProperty("aws.endpointUrlS3", endpoint());
  }

  /** The environment a child JVM (or the command) needs to reach this server with {@code secret}. */
  public Map<String, String> environment(String secret) {
    Map<String, String> env = new HashMap<>();
    env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
    env.put("AWS_SECRET_ACCESS_KEY", secret);
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_ENDPOINT_URL_S3", endpoint());
    return env;
  }

  /** The environment with the right credentials. */
  public Map<String, String> environment() {
    return environment(SECRET_KEY);
  }

  @Override
  public void close() throws Exception {
    proxy.stop();
    context.close();
  }
}
