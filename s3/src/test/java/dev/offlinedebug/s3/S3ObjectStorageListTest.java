package dev.offlinedebug.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.offlinedebug.spi.ObjectStorage;
import dev.offlinedebug.spi.ObjectStorage.StoredObject;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;

/**
 * {@link S3ObjectStorage#list()}, which reads the listing's XML itself, against a real S3-compatible
 * server and against the SDK's own reading of the same listing.
 */
class S3ObjectStorageListTest {
  @RegisterExtension static final S3ServerExtension S3 = new S3ServerExtension();

  /** More objects than a page holds (1,000), with names XML and URLs must escape. */
  @Test
  void list_escapedNamesOverSeveralPages_sameAsTheSdksListing() throws Exception {
    String prefix = "odd&prefix';";
    String[] shapes = {"plain-%d.odump", "a&b-%d.odsum", "<lt>-%d", "quote\"'-%d", "sp ace+plus%%2F-%d",
        "é雪-%d", "semi;&amp;-%d"};
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 1_050; i++) {
      String name = String.format(shapes[i % shapes.length], i);
      names.add(name);
      S3.server().put(prefix + "/" + name, new byte[i % 13]);
    }
    // Beside the location: a longer prefix, and a "directory" inside it that a listing with a delimiter leaves out.
    S3.server().put(prefix + "x/outside", new byte[1]);
    S3.server().put(prefix + "/nested/inside", new byte[1]);

    List<StoredObject> listed;
    try (ObjectStorage storage = new S3StorageProvider().open(URI.create("s3://dumps/" + prefix))) {
      listed = storage.list();
    }
    assertEquals(names.stream().sorted().toList(), listed.stream().map(StoredObject::name).toList());
    for (StoredObject object : listed) {
      int i = Integer.parseInt(object.name().replaceAll("^.*-(\\d+).*$", "$1"));
      assertEquals(i % 13, object.size(), object::toString);
    }
    List<ListObjectsV2Response> pages = sdkListing(prefix + "/");
    assertTrue(pages.size() > 1, pages.size() + " pages");
    List<StoredObject> sdkListed = pages.stream().flatMap(page -> page.contents().stream())
        .map(o -> new StoredObject(o.key().substring(prefix.length() + 1), o.size(), o.lastModified())).toList();
    assertEquals(sdkListed, listed);
    // Read by ListingPageReader, not left to the SDK (which the listing falls back to on XML it cannot read).
    assertEquals(sdkListed, readByListingPageReader(prefix + "/"));
  }

  /** The listing, each of its pages read by {@link ListingPageReader}: fails on a page it left to the SDK. */
  private static List<StoredObject> readByListingPageReader(String keyPrefix) {
    List<StoredObject> objects = new ArrayList<>();
    try (S3Client client = sdkClient(b -> b.addExecutionInterceptor(new ListingPageReader()))) {
      String token = null;
      do {
        ListingPageReader.Destination destination = new ListingPageReader.Destination(keyPrefix);
        String continuation = token;
        ListObjectsV2Response response = client.listObjectsV2(b -> b.bucket(S3Server.BUCKET).prefix(keyPrefix)
            .delimiter("/").continuationToken(continuation)
            .overrideConfiguration(o -> o.putExecutionAttribute(ListingPageReader.PAGE, destination)));
        ListingPage page = destination.page().get();
        assertTrue(page != null && response.contents().isEmpty(), "page read by the SDK");
        objects.addAll(page.objects());
        token = page.nextContinuationToken();
      } while (token != null);
    }
    return objects;
  }

  @Test
  void list_emptyLocation_nothing() throws Exception {
    try (ObjectStorage storage = new S3StorageProvider().open(URI.create("s3://dumps/nothing-here"))) {
      assertEquals(List.of(), storage.list());
    }
  }

  /** Error responses still reach the SDK, and are reported as for every other request. */
  @Test
  void list_noBucketOrWrongSecret_failsWithoutTheSecret() throws Exception {
    try (ObjectStorage storage = new S3StorageProvider().open(URI.create("s3://no-such-bucket/x"))) {
      IOException e = assertThrows(IOException.class, storage::list);
      assertEquals("cannot list s3://no-such-bucket/x/: HTTP 404 NoSuchBucket (the bucket does not exist)",
          e.getMessage());
    }
    String wrongSecret = "wRoNgSecretKeyValueThatMustNeverAppearAnywhere00";
    System.setProperty("aws.secretAccessKey", wrongSecret);
    try (ObjectStorage storage = new S3StorageProvider().open(URI.create("s3://dumps/x"))) {
      IOException e = assertThrows(IOException.class, storage::list);
      assertTrue(e.getMessage().startsWith("cannot list s3://dumps/x/: HTTP 403"), e.getMessage());
      assertFalse(e.getMessage().contains(wrongSecret) || e.getMessage().contains(S3Server.SECRET_KEY), e.getMessage());
      assertEquals(null, e.getCause());
    } finally {
      System.setProperty("aws.secretAccessKey", S3Server.SECRET_KEY);
    }
  }

  /** The listing's pages as the SDK reads them, with the same delimiter. */
  private static List<ListObjectsV2Response> sdkListing(String keyPrefix) {
    try (S3Client client = sdkClient(b -> {})) {
      return client.listObjectsV2Paginator(b -> b.bucket(S3Server.BUCKET).prefix(keyPrefix).delimiter("/"))
          .stream().toList();
    }
  }

  private static S3Client sdkClient(Consumer<ClientOverrideConfiguration.Builder> configuration) {
    return S3Client.builder()
        .overrideConfiguration(configuration)
        .httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(S3Server.ACCESS_KEY, S3Server.SECRET_KEY)))
        .region(Region.US_EAST_1)
        .endpointOverride(URI.create(S3.server().endpoint()))
        .forcePathStyle(true)
        .build();
  }
}
