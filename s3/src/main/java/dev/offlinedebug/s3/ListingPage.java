package dev.offlinedebug.s3;

import dev.offlinedebug.spi.ObjectStorage.StoredObject;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import software.amazon.awssdk.utils.DateUtils;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * One page of a ListObjectsV2 response, read with {@link XmlCursor}: only each object's key, size
 * and time, and the token of the next page. The SDK reads the same XML into a tree of elements and then
 * into {@code S3Object}s, which is most of what listing a large bucket costs a short-lived process.
 *
 * @param objects in the page's order, named relative to the prefix; never null
 * @param nextContinuationToken {@code null} on the last page (given as empty, it is made {@code null})
 */
record ListingPage(List<StoredObject> objects, String nextContinuationToken) {
  ListingPage {
    if (nextContinuationToken != null && nextContinuationToken.isEmpty()) {
      nextContinuationToken = null;
    }
  }

  /** The times S3 writes begin so, {@code 0} standing for any digit. */
  private static final String S3_TIME = "0000-00-00T00:00:00";

  /**
   * Reads {@code xml}, whose keys all begin with {@code prefix}; {@code null} when its root is not
   * {@code ListBucketResult} (an error document).
   *
   * @throws XMLStreamException when the XML is malformed or not of the simple kind {@link XmlCursor}
   *     reads, or an object lacks its key, size or time
   */
  static ListingPage read(byte[] xml, String prefix) throws XMLStreamException {
    XmlCursor reader = new XmlCursor(xml);
    if (!reader.nextStart() || !reader.name().equals("ListBucketResult")) {
      return null;
    }
    List<Contents> contents = new ArrayList<>();
    String token = null;
    boolean urlEncoded = false;
    while (reader.nextStart()) {
      switch (reader.name()) {
        case "Contents" -> contents.add(Contents.read(reader));
        case "NextContinuationToken" -> token = reader.text();
        case "EncodingType" -> urlEncoded = reader.text().equals("url");
        default -> reader.skip();
      }
    }
    List<StoredObject> objects = new ArrayList<>(contents.size());
    for (Contents c : contents) {
      String key = urlEncoded ? SdkHttpUtils.urlDecode(c.key) : c.key;
      if (!key.startsWith(prefix)) {
        throw new XMLStreamException("a key outside the prefix");
      }
      objects.add(new StoredObject(key.substring(prefix.length()), c.size, c.lastModified));
    }
    return new ListingPage(objects, token);
  }

  /**
   * An object's time. The forms S3 and S3-compatible servers write, {@code
   * 2026-12-03T08:24:00.000Z} and {@code 2026-12-03T08:24:00Z}, are read directly: read through a
   * {@code DateTimeFormatter}, as the SDK reads them, the times took as long as the rest of the page.
   * Any other form (an offset, say) is read as the SDK reads it.
   */
  static Instant time(String text) {
    int fractionDigits = text.length() - S3_TIME.length() - 2;
    boolean fraction = fractionDigits >= 1 && fractionDigits <= 9 && text.charAt(S3_TIME.length()) == '.'
        && isDigits(text, S3_TIME.length() + 1, text.length() - 1);
    if ((fraction || text.length() == S3_TIME.length() + 1) && text.endsWith("Z") && hasShape(text, S3_TIME)) {
      int nanos = fraction ? number(text, S3_TIME.length() + 1, text.length() - 1) : 0;
      for (int i = fractionDigits; fraction && i < 9; i++) {
        nanos *= 10;
      }
      try {
        return LocalDateTime.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10), number(text, 11, 13),
            number(text, 14, 16), number(text, 17, 19), nanos).toInstant(ZoneOffset.UTC);
      } catch (DateTimeException e) {
        // A month 13, say: the SDK's reading reports it.
      }
    }
    return DateUtils.parseIso8601Date(text);
  }

  /** Whether {@code text} begins with {@code shape}'s characters, {@code 0} standing for any digit. */
  private static boolean hasShape(String text, String shape) {
    for (int i = 0; i < shape.length(); i++) {
      char c = text.charAt(i);
      if (shape.charAt(i) == '0' ? !isDigit(c) : c != shape.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigits(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The decimal digits of {@code text} from {@code from} to {@code to}, known to be digits. */
  private static int number(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      value = value * 10 + text.charAt(i) - '0';
    }
    return value;
  }

  /** A {@code Contents} element as read, its key as sent (URL-encoded when the response says so). */
  private record Contents(String key, long size, Instant lastModified) {
    static Contents read(XmlCursor reader) throws XMLStreamException {
      String key = null;
      String size = null;
      String lastModified = null;
      while (reader.nextStart()) {
        switch (reader.name()) {
          case "Key" -> key = reader.text();
          case "Size" -> size = reader.text();
          case "LastModified" -> lastModified = reader.text();
          default -> reader.skip();
        }
      }
      if (key == null || size == null || lastModified == null) {
        throw new XMLStreamException("an object without its key, size or time");
      }
      try {
        return new Contents(key, Long.parseLong(size.trim()), time(lastModified.trim()));
      } catch (RuntimeException e) {
        throw new XMLStreamException("an object's size or time is not a number or an ISO 8601 time");
      }
    }
  }
}
