package dev.offlinedebug.s3;

import dev.offlinedebug.spi.ObjectStorage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The objects under one {@code s3://bucket/prefix}, through the AWS SDK for Java v2 with the JDK's
 * {@code HttpURLConnection}. The client starts no thread. Checksums are computed and validated only
 * where S3 requires them, which every S3-compatible server accepts. Every failure becomes an {@link
 * IOException} whose message is built here, without the SDK's text or exception chained, so no
 * credential can reach a status message (see {@link SafeMessages}). A listing's pages are read by
 * {@link ListingPageReader} rather than the SDK's unmarshalling, most of a large listing's cost.
 */
final class S3ObjectStorage implements ObjectStorage {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

  private final S3Location location;
  private final S3Client client;

  private S3ObjectStorage(S3Location location, S3Client client) {
    this.location = location;
    this.client = client;
  }

  static S3ObjectStorage open(S3Location location, S3ClientSettings settings) {
    S3ClientBuilder builder = S3Client.builder()
        .overrideConfiguration(o -> o.addExecutionInterceptor(new ListingPageReader()))
        .httpClient(UrlConnectionHttpClient.builder()
            .connectionTimeout(CONNECT_TIMEOUT)
            .socketTimeout(SOCKET_TIMEOUT)
            .build())
        .credentialsProvider(settings.credentials())
        .region(settings.region())
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    if (settings.endpoint() != null) {
      builder.endpointOverride(settings.endpoint()).forcePathStyle(true);
    }
    return new S3ObjectStorage(location, builder.build());
  }

  @Override
  public String location() {
    return location.toString();
  }

  @Override
  public byte[] read(String name, long offset, int length) throws IOException {
    if (length <= 0) {
      return new byte[0];
    }
    try (ResponseInputStream<GetObjectResponse> in = client.getObject(b -> b.bucket(location.bucket())
        .key(location.key(name)).range("bytes=" + offset + "-" + (offset + length - 1)))) {
      byte[] bytes = in.readNBytes(length);
      in.abort();
      return bytes;
    } catch (S3Exception e) {
      if (e.statusCode() == 416) {
        return new byte[0]; // the object ends before offset
      }
      throw failure("read", name, e);
    } catch (SdkException e) {
      throw failure("read", name, e);
    }
  }

  @Override
  public InputStream open(String name) throws IOException {
    try {
      return client.getObject(b -> b.bucket(location.bucket()).key(location.key(name)));
    } catch (SdkException e) {
      throw failure("read", name, e);
    }
  }

  @Override
  public void upload(String name, Path file, long length) throws IOException {
    RequestBody body = RequestBody.fromContentProvider(() -> {
      try {
        return new FilePrefix(file, length);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, length, "application/octet-stream");
    try {
      client.putObject(b -> b.bucket(location.bucket()).key(location.key(name)), body);
    } catch (SdkException | UncheckedIOException e) {
      throw failure("upload", name, e);
    }
  }

  @Override
  public long size(String name) throws IOException {
    try {
      return client.headObject(b -> b.bucket(location.bucket()).key(location.key(name))).contentLength();
    } catch (NoSuchKeyException e) {
      return -1;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return -1;
      }
      throw failure("look up", name, e);
    } catch (SdkException e) {
      throw failure("look up", name, e);
    }
  }

  @Override
  public List<StoredObject> list() throws IOException {
    List<StoredObject> objects = new ArrayList<>();
    String token = null;
    try {
      do {
        ListingPageReader.Destination destination = new ListingPageReader.Destination(location.prefix());
        ListObjectsV2Response response = client.listObjectsV2(ListObjectsV2Request.builder()
            .bucket(location.bucket()).prefix(location.prefix()).delimiter("/").continuationToken(token)
            .overrideConfiguration(o -> o.putExecutionAttribute(ListingPageReader.PAGE, destination))
            .build());
        ListingPage page = destination.page().get();
        if (page == null) {
          page = sdkPage(response);
        }
        objects.addAll(page.objects());
        token = page.nextContinuationToken();
      } while (token != null);
    } catch (SdkException e) {
      throw failure("list", "", e);
    }
    return objects;
  }

  /** A page {@link ListingPageReader} left to the SDK, as the SDK read it. */
  private ListingPage sdkPage(ListObjectsV2Response response) {
    List<StoredObject> objects = new ArrayList<>(response.contents().size());
    for (S3Object object : response.contents()) {
      objects.add(new StoredObject(object.key().substring(location.prefix().length()), object.size(),
          object.lastModified()));
    }
    return new ListingPage(objects, response.nextContinuationToken());
  }

  private IOException failure(String action, String name, Exception e) {
    String target = location + "/" + name;
    if (e instanceof NoSuchKeyException) {
      return new NoSuchFileException(target);
    }
    if (e instanceof S3Exception s3 && s3.statusCode() == 404 && "NoSuchKey".equals(SafeMessages.errorCode(s3))) {
      return new NoSuchFileException(target);
    }
    return new IOException("cannot " + action + " " + target + ": " + SafeMessages.describe(e));
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (RuntimeException ignored) {
      // Nothing is buffered; an HttpURLConnection client holds no pool to drain.
    }
  }
}
