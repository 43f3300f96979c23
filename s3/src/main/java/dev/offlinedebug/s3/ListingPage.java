package dev.offlinedebug.s3;

import dev.offlinedebug.spi.ObjectStorage.StoredObject;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import software.amazon.awssdk.utils.DateUtils;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * One page of a ListObjectsV2 response, read with StAX's cursor: only each object's key, size and
 * time, and the token of the next page. The SDK reads the same XML into a tree of elements and then
 * into {@code S3Object}s, which is most of what listing a large bucket costs a short-lived process.
 *
 * @param objects in the page's order, named relative to the prefix; never null
 * @param nextContinuationToken {@code null} on the last page
 */
record ListingPage(List<StoredObject> objects, String nextContinuationToken) {

  /**
   * Reads {@code xml}, whose keys all begin with {@code prefix}; {@code null} when its root is not
   * {@code ListBucketResult} (an error document). No DTD is read and no entity resolved but XML's own.
   *
   * @throws XMLStreamException when the XML is malformed or an object lacks its key, size or time
   */
  static ListingPage read(byte[] xml, String prefix) throws XMLStreamException {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
    try {
      reader.nextTag();
      if (!reader.getLocalName().equals("ListBucketResult")) {
        return null;
      }
      List<Contents> contents = new ArrayList<>();
      String token = null;
      boolean urlEncoded = false;
      while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
        switch (reader.getLocalName()) {
          case "Contents" -> contents.add(Contents.read(reader));
          case "NextContinuationToken" -> token = reader.getElementText();
          case "EncodingType" -> urlEncoded = reader.getElementText().equals("url");
          default -> skipElement(reader);
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
      return new ListingPage(objects, token == null || token.isEmpty() ? null : token);
    } finally {
      reader.close();
    }
  }

  /** Skips the element the reader is at the start of, with everything inside it. */
  private static void skipElement(XMLStreamReader reader) throws XMLStreamException {
    for (int depth = 1; depth > 0; ) {
      int event = reader.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  /** A {@code Contents} element as read, its key as sent (URL-encoded when the response says so). */
  private record Contents(String key, long size, Instant lastModified) {
    static Contents read(XMLStreamReader reader) throws XMLStreamException {
      String key = null;
      String size = null;
      String lastModified = null;
      while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
        switch (reader.getLocalName()) {
          case "Key" -> key = reader.getElementText();
          case "Size" -> size = reader.getElementText();
          case "LastModified" -> lastModified = reader.getElementText();
          default -> skipElement(reader);
        }
      }
      if (key == null || size == null || lastModified == null) {
        throw new XMLStreamException("an object without its key, size or time");
      }
      try {
        return new Contents(key, Long.parseLong(size.trim()), DateUtils.parseIso8601Date(lastModified.trim()));
      } catch (RuntimeException e) {
        throw new XMLStreamException("an object's size or time is not a number or an ISO 8601 time");
      }
    }
  }
}
