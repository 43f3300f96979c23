package dev.offlinedebug.benchmarks;

import dev.offlinedebug.s3.S3Server;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real S3-compatible server on 127.0.0.1 (the s3 module's {@link S3Server}: s3proxy checking
 * Signature V4) with its bucket {@value S3Server#BUCKET}, the AWS chain of this JVM pointed at it
 * (system properties, as an application sets {@code AWS_*}), and a client of its own for setting
 * up and checking the bucket around the measurement. The server runs in this JVM ({@link #start})
 * or, as in production where it is elsewhere, in a child JVM ({@link #startChild}).
 */
final class BenchmarkBucket implements AutoCloseable {
  /** Printed by the child on its standard output, followed by the endpoint. */
  private static final String READY = "endpoint ";

  private final AutoCloseable server;
  private final S3Client client;

  private BenchmarkBucket(AutoCloseable server, S3Client client) {
    this.server = server;
    this.client = client;
  }

  /** With the server in this JVM. */
  static BenchmarkBucket start() throws Exception {
    quietServerLogging();
    S3Server server = S3Server.start();
    server.useFromThisJvm();
    return new BenchmarkBucket(server, client(server.endpoint()));
  }

  /**
   * With the server in a child JVM of the same class path at the lowest CPU priority ({@code nice
   * -n 19}), so that on a machine of few cores it takes what the measured JVM leaves, as a server
   * on another machine would. The child exits when this JVM closes its standard input, or dies.
   */
  static BenchmarkBucket startChild() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    // s3proxy keeps the bucket in its heap: back to back, a run uploads about a gigabyte, which a
    // heap of 512 MB could not hold (HTTP 500, then timeouts, in the middle of a measurement).
    Process child = new ProcessBuilder("nice", "-n", "19", java, "-Xmx3g", "-cp",
        System.getProperty("java.class.path"), BenchmarkBucket.class.getName())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    String line = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))
        .readLine();
    if (line == null || !line.startsWith(READY)) {
      child.destroyForcibly();
      throw new IllegalStateException("the S3 server's JVM did not start: " + line);
    }
    String endpoint = line.substring(READY.length());
    System.setProperty("aws.accessKeyId", S3Server.ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", S3Server.SECRET_KEY);
    System.setProperty("aws.region", "us-east-1");
    System.setProperty("aws.endpointUrlS3", endpoint);
    AutoCloseable stop = () -> {
      child.getOutputStream().close();
      if (!child.waitFor(10, TimeUnit.SECONDS)) {
        child.destroyForcibly().waitFor();
      }
    };
    return new BenchmarkBucket(stop, client(endpoint));
  }

  /** The child JVM of {@link #startChild}: serves until its standard input ends. */
  public static void main(String[] args) throws Exception {
    quietServerLogging();
    try (S3Server server = S3Server.start()) {
      System.out.println(READY + server.endpoint());
      System.out.flush();
      while (System.in.read() >= 0) {
        // Only the end of the input matters.
      }
    }
  }

  private static S3Client client(String endpoint) {
    return S3Client.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(S3Server.ACCESS_KEY, S3Server.SECRET_KEY)))
        .region(Region.US_EAST_1)
        .endpointOverride(URI.create(endpoint))
        .forcePathStyle(true)
        // As the s3 module's client: s3proxy rejects the SDK's default trailing checksums.
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .build();
  }

  /**
   * Logback is this jar's SLF4J provider and, without a configuration, logs at DEBUG to the
   * console: Jetty's and the SDK's lines for every request would be part of the measurement.
   */
  static void quietServerLogging() {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
  }

  /** {@code s3://bucket/prefix} for the {@code upload} option and {@code OfflineDebug.open}. */
  URI location(String prefix) {
    return URI.create("s3://" + S3Server.BUCKET + "/" + prefix);
  }

  void put(String prefix, String name, byte[] bytes) {
    client.putObject(b -> b.bucket(S3Server.BUCKET).key(prefix + "/" + name), RequestBody.fromBytes(bytes));
  }

  /** The objects under {@code prefix} (the first 1,000 at most). */
  List<S3Object> objects(String prefix) {
    return client.listObjectsV2(b -> b.bucket(S3Server.BUCKET).prefix(prefix + "/")).contents();
  }

  @Override
  public void close() throws Exception {
    client.close();
    server.close();
  }
}
