package dev.offlinedebug.benchmarks;

import dev.offlinedebug.model.ThreadInfo;
import dev.offlinedebug.s3.S3Server;
import dev.offlinedebug.spi.CaptureLimits;
import dev.offlinedebug.spi.DumpWriter;
import dev.offlinedebug.spi.LoggedEvent;
import dev.offlinedebug.spi.StatusListener;
import dev.offlinedebug.spi.WriterSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.options.ListContainerOptions;

/**
 * A bucket as a fleet fills it, for timing {@code list} and {@code stats} against a real
 * S3-compatible server: {@value #HOSTS} hosts each write {@value #FILES_PER_HOST} store files of
 * {@value #DUMPS_PER_FILE} dumps (70,000 dumps, 10,000 store files, 20,000 objects with their
 * summaries) over {@value #DAYS_TENTHS}/10 days, newest last, with the project's writer; each host's
 * store is then uploaded by the writer's own uploader ({@code upload} set, as a restarted process
 * ships what the previous one left). s3proxy serves the bucket {@value S3Server#BUCKET} on
 * 127.0.0.1 from its {@code filesystem-nio2} blob store, so it persists on disk and is filled once
 * (a run stopped while filling leaves a directory to delete before the next).
 *
 * <p>A host's store files are named by their creation time and last written at their last dump, as
 * over days they would be: each file is written by a writer of its own (dedup off, so no record names
 * another file), then its key's time is set to its first dump's; the object's upload time (the blob
 * file's modification time on the server's disk) is set to its last dump's.
 *
 * <pre>
 * nice mvn -B -o -q -Pbenchmarks package -pl benchmarks,cli -am -DskipTests -Dmaven.install.skip=true
 * java -cp benchmarks/target/benchmarks.jar dev.offlinedebug.benchmarks.LargeBucket /tmp/large-bucket 9400
 * # in a terminal of its own: fills the bucket on the first run (about 3 minutes), then serves it
 * # until its input ends (Ctrl-D); the dumps' times are relative to when it was filled
 * export AWS_ACCESS_KEY_ID=AKIAOFFLINEDEBUGTEST1 AWS_SECRET_ACCESS_KEY=s3cr3tOfflineDebugTestKeyThatMustNeverLeak
 * export AWS_REGION=us-east-1 AWS_ENDPOINT_URL_S3=http://127.0.0.1:9400
 * /usr/bin/time -v ./offline-debug list -n 10 --dir s3://dumps/fleet
 * /usr/bin/time -v ./offline-debug stats --since 24h --dir s3://dumps/fleet
 * /usr/bin/time -v ./offline-debug --help
 * </pre>
 *
 * Arguments: the server's directory, the port. Each line typed on its input prints the requests
 * served since the last line (listing pages, object reads).
 */
public final class LargeBucket {
  static final String PREFIX = "fleet";
  private static final int HOSTS = 20;
  private static final int FILES_PER_HOST = 500;
  private static final int DUMPS_PER_FILE = 7;
  private static final int DAYS_TENTHS = 35;
  private static final Duration SPAN = Duration.ofHours(DAYS_TENTHS * 24 / 10);
  /** Between a host's dumps; hosts are offset from each other by a fraction of it. */
  private static final Duration DUMP_INTERVAL = SPAN.dividedBy((long) FILES_PER_HOST * DUMPS_PER_FILE);

  private LargeBucket() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    int port = Integer.parseInt(args[1]);
    BenchmarkBucket.quietServerLogging();
    Path blobs = root.resolve("blobs");
    Path objects = blobs.resolve(S3Server.BUCKET).resolve(PREFIX);
    boolean fill = !Files.isDirectory(objects);
    Files.createDirectories(blobs.resolve(S3Server.BUCKET));
    Properties properties = new Properties();
    properties.setProperty("jclouds.filesystem.basedir", blobs.toString());
    try (BlobStoreContext context = ContextBuilder.newBuilder("filesystem-nio2").credentials("identity", "credential").overrides(properties)
        .build(BlobStoreContext.class)) {
      AtomicLong listings = new AtomicLong();
      AtomicLong reads = new AtomicLong();
      AtomicBoolean filled = new AtomicBoolean();
      S3Proxy proxy = S3Proxy.builder()
          .blobStore(counting(context.getBlobStore(), listings, reads, filled))
          .endpoint(URI.create("http://127.0.0.1:" + port))
          .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, S3Server.ACCESS_KEY, S3Server.SECRET_KEY)
          .build();
      proxy.start();
      while (!"STARTED".equals(proxy.getState())) {
        Thread.sleep(5);
      }
      String endpoint = "http://127.0.0.1:" + port;
      if (fill) {
        fill(root.resolve("hosts"), endpoint, objects);
      }
      filled.set(true);
      System.out.println("serving s3://" + S3Server.BUCKET + "/" + PREFIX + " at " + endpoint);
      System.out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      while (in.readLine() != null) {
        System.out.println("listing pages " + listings.getAndSet(0) + ", object reads " + reads.getAndSet(0));
        System.out.flush();
      }
      proxy.stop();
    }
  }

  /**
   * The blob store, counting the listing pages and object reads it serves, and answering a listing
   * page asked for again from memory once {@code filled}: the filesystem blob store reads the
   * extended attributes of every file in the directory for each page (seconds a page here), where
   * S3 answers in tens of milliseconds. The objects do not change while the bucket is served.
   */
  private static BlobStore counting(BlobStore blobs, AtomicLong listings, AtomicLong reads, AtomicBoolean filled) {
    Map<List<Object>, Object> pages = new ConcurrentHashMap<>();
    return (BlobStore) Proxy.newProxyInstance(BlobStore.class.getClassLoader(), new Class<?>[] {BlobStore.class},
        (self, method, args) -> {
          if (method.getName().equals("list") && args != null && args.length == 2
              && args[1] instanceof ListContainerOptions options && filled.get()) {
            listings.incrementAndGet();
            List<Object> page = Arrays.asList(args[0], options.getDir(), options.getPrefix(), options.getMarker(),
                options.getDelimiter(), options.getMaxResults(), options.isRecursive(), options.isDetailed());
            Object listed = pages.get(page);
            if (listed == null) {
              listed = invoke(blobs, method, args);
              pages.put(page, listed);
            }
            return listed;
          }
          if (method.getName().equals("list")) {
            listings.incrementAndGet();
          } else if (method.getName().equals("getBlob")) {
            reads.incrementAndGet();
          }
          return invoke(blobs, method, args);
        });
  }

  private static Object invoke(BlobStore blobs, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(blobs, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static void fill(Path hosts, String endpoint, Path objects) throws Exception {
    System.setProperty("aws.accessKeyId", S3Server.ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", S3Server.SECRET_KEY);
    System.setProperty("aws.region", "us-east-1");
    System.setProperty("aws.endpointUrlS3", endpoint);
    Instant start = Instant.now().minus(SPAN);
    for (int host = 0; host < HOSTS; host++) {
      Path directory = hosts.resolve("host-" + host);
      writeHost(directory, host, start.plus(DUMP_INTERVAL.multipliedBy(host).dividedBy(HOSTS)));
      upload(directory, objects, (host + 1) * FILES_PER_HOST * 2);
      System.out.println("host " + host + " uploaded");
    }
    // The upload time of an object is its blob file's modification time: that of its store file.
    try (Stream<Path> files = Files.list(hosts)) {
      for (Path directory : files.toList()) {
        for (Path file : storeObjects(directory)) {
          Files.setLastModifiedTime(objects.resolve(file.getFileName()), Files.getLastModifiedTime(file));
        }
      }
    }
  }

  /** Writes host {@code host}'s store files, one writer each, its first dump at {@code first}. */
  private static void writeHost(Path directory, int host, Instant first) throws IOException {
    Files.createDirectories(directory);
    Path scratch = directory.resolve("scratch");
    ThreadInfo thread = new ThreadInfo("http-nio-8080-exec-" + host, 40 + host, true, 5);
    for (int file = 0; file < FILES_PER_HOST; file++) {
      Instant[] times = new Instant[DUMPS_PER_FILE];
      try (DumpWriter writer = DumpWriter.open(new WriterSettings(scratch, Long.MAX_VALUE, Long.MAX_VALUE,
          Duration.ofDays(30), Duration.ZERO, Integer.MAX_VALUE, "orders-" + host, CaptureLimits.DEFAULTS),
          StatusListener.IGNORE)) {
        for (int i = 0; i < DUMPS_PER_FILE; i++) {
          int dump = file * DUMPS_PER_FILE + i;
          times[i] = first.plus(DUMP_INTERVAL.multipliedBy(dump));
          writer.write(new IllegalStateException("order " + dump + " of host " + host + " failed",
                  new IOException("socket " + dump % 97)),
              new LoggedEvent(times[i], "com.example.orders.OrderService", "ERROR", "order " + dump + " failed",
                  thread, Map.of(), List.of(), Map.of()));
        }
      }
      // Named as a writer creating it at its first dump would have, last written at its last dump.
      for (Path written : storeObjects(scratch)) {
        String name = written.getFileName().toString();
        String key = String.format("%9s", Long.toString(times[0].toEpochMilli(), 36)).replace(' ', '0')
            + name.substring(9);
        Path moved = Files.move(written, directory.resolve(key));
        Files.setLastModifiedTime(moved, FileTime.from(times[DUMPS_PER_FILE - 1]));
      }
    }
    try (Stream<Path> left = Files.list(scratch)) {
      for (Path path : left.toList()) {
        Files.delete(path);
      }
    }
    Files.delete(scratch);
  }

  /** Uploads {@code directory} as a restarted writer with {@code upload} set does, until the bucket holds {@code total}. */
  private static void upload(Path directory, Path objects, int total) throws Exception {
    try (DumpWriter writer = DumpWriter.open(new WriterSettings(directory, Long.MAX_VALUE, Long.MAX_VALUE,
        Duration.ofDays(30), Duration.ZERO, Integer.MAX_VALUE, "uploader", CaptureLimits.DEFAULTS,
        URI.create("s3://" + S3Server.BUCKET + "/" + PREFIX)), StatusListener.IGNORE)) {
      while (count(objects) < total) {
        Thread.sleep(200);
      }
    }
  }

  private static long count(Path objects) throws IOException {
    if (!Files.isDirectory(objects)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(objects)) {
      return files.count();
    }
  }

  /** The store files and summaries of {@code directory}. */
  private static List<Path> storeObjects(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.toString().endsWith(".odump") || f.toString().endsWith(".odsum")).toList();
    }
  }
}
