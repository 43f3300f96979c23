package dev.offlinedebug.benchmarks;

import dev.offlinedebug.s3.S3Server;
import java.net.URI;
import java.util.List;
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
 * up and checking the bucket around the measurement.
 */
final class BenchmarkBucket implements AutoCloseable {
  private final S3Server server;
  private final S3Client client;

  private BenchmarkBucket(S3Server server, S3Client client) {
    this.server = server;
    this.client = client;
  }

  static BenchmarkBucket start() throws Exception {
    quietServerLogging();
    S3Server server = S3Server.start();
    server.useFromThisJvm();
    S3Client client = S3Client.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(S3Server.ACCESS_KEY, S3Server.SECRET_KEY)))
        .region(Region.US_EAST_1)
        .endpointOverride(URI.create(server.endpoint()))
        .forcePathStyle(true)
        // As the s3 module's client: s3proxy rejects the SDK's default trailing checksums.
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .build();
    return new BenchmarkBucket(server, client);
  }

  /**
   * Logback is this jar's SLF4J provider and, without a configuration, logs at DEBUG to the
   * console: Jetty's and the SDK's lines for every request would be part of the measurement.
   */
  private static void quietServerLogging() {
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
