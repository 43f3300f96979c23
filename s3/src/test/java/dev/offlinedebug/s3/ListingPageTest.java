package dev.offlinedebug.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.offlinedebug.spi.ObjectStorage.StoredObject;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import software.amazon.awssdk.utils.DateUtils;

/**
 * Listing pages read through {@link XmlCursor} against the JDK's DOM reading of the same XML, over
 * the XML that S3 and S3-compatible servers may write, and what is refused, to leave to the SDK;
 * the objects' times against the SDK's reading.
 */
class ListingPageTest {
  private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">";

  @ParameterizedTest
  @ValueSource(strings = {
      // As S3 writes it, with an owner and checksum inside Contents, an empty element, and common prefixes.
      HEAD + "<Name>dumps</Name><Prefix>p/</Prefix><ContinuationToken/><KeyCount>2</KeyCount><IsTruncated>true</IsTruncated>"
          + "<Contents><Key>p/a.odump</Key><LastModified>2026-12-03T08:24:00.000Z</LastModified>"
          + "<ETag>&quot;38349cf56d6d3fe89a1a8bbff16fff7f&quot;</ETag><ChecksumAlgorithm>CRC64NVME</ChecksumAlgorithm>"
          + "<Size>892</Size><Owner><ID>abc</ID><DisplayName>me</DisplayName></Owner><StorageClass>STANDARD</StorageClass>"
          + "</Contents><Contents><Key>p/b.odsum</Key><LastModified>2026-12-03T08:24:01Z</LastModified><Size>0</Size>"
          + "</Contents><CommonPrefixes><Prefix>p/sub/</Prefix></CommonPrefixes>"
          + "<NextContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=</NextContinuationToken></ListBucketResult>",
      // Escapes of every kind, CDATA, comments, an instruction, a line end written \r\n, multi-byte UTF-8.
      HEAD + "\r\n  <!-- a comment -->\n  <Contents>\n    <Key>p/a&amp;b&lt;c&gt;&apos;&quot;&#233;&#x96EA;<![CDATA[<&x>]]>"
          + "<!-- c -->é<?pi?>雪 x\r\ny</Key>\n    <Size> 12 </Size>\n    <LastModified>2026-12-03T08:24:00.5Z</LastModified>\n"
          + "  </Contents>\n</ListBucketResult>\n",
      // Namespace prefixes, attributes holding '>', a byte order mark, a processing instruction, a self-closing root child.
      "\uFEFF<?xml version='1.0' encoding='utf-8'?><?pi x?><s3:ListBucketResult xmlns:s3=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
          + "<s3:Marker a=\"x>y\" b='1/>'/><s3:Contents x='>'><s3:Key>p/k</s3:Key><s3:Size>1</s3:Size>"
          + "<s3:LastModified>2026-12-03T08:24:00.000+01:00</s3:LastModified></s3:Contents></s3:ListBucketResult>",
      // URL-encoded keys, no objects.
      HEAD + "<EncodingType>url</EncodingType><Contents><Key>p%2Fa%20b%26c</Key><Size>3</Size>"
          + "<LastModified>2026-12-03T08:24:00.000Z</LastModified></Contents></ListBucketResult>",
      HEAD + "<KeyCount>0</KeyCount></ListBucketResult>"})
  void read_sameAsTheJdksDom(String xml) throws Exception {
    assertEquals(domReading(xml), ListingPage.read(xml.getBytes(StandardCharsets.UTF_8), "p/"));
  }

  @Test
  void read_errorDocument_null() throws Exception {
    assertNull(ListingPage.read("<?xml version='1.0' encoding='UTF-8'?><Error><Code>AccessDenied</Code></Error>"
        .getBytes(StandardCharsets.UTF_8), "p/"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><ListBucketResult></ListBucketResult>",
      HEAD + "<Contents><Key>p/&e;</Key><Size>1</Size><LastModified>2026-12-03T08:24:00Z</LastModified></Contents></ListBucketResult>",
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><ListBucketResult></ListBucketResult>",
      HEAD + "<Contents><Key>p/<b>x</b></Key><Size>1</Size><LastModified>2026-12-03T08:24:00Z</LastModified></Contents></ListBucketResult>",
      HEAD + "<Contents><Key>p/x</Size><Size>1</Size><LastModified>2026-12-03T08:24:00Z</LastModified></Contents></ListBucketResult>",
      HEAD + "<Contents><Key>p/x</Key><Size>1</Size></Contents></ListBucketResult>",
      HEAD + "<Contents><Key>other/x</Key><Size>1</Size><LastModified>2026-12-03T08:24:00Z</LastModified></Contents></ListBucketResult>",
      HEAD + "text<Contents></Contents></ListBucketResult>",
      HEAD + "<Contents><Key>p/x</Key><Size>1</Size><LastModified>2026-12-03T08:24:00Z",
      HEAD + "<Contents><Key>p/x</Key><Size>1"})
  void read_notTheSimpleXmlOfAListing_refused(String xml) {
    assertThrows(XMLStreamException.class, () -> ListingPage.read(xml.getBytes(StandardCharsets.UTF_8), "p/"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-12-03T08:24:00.000Z", "2026-12-03T08:24:00Z", "2024-02-29T23:59:59.999Z",
      "1970-01-01T00:00:00.000Z", "0001-01-01T00:00:00.001Z", "9999-12-31T23:59:59.999Z", "2026-12-03T08:24:00.1Z",
      "2026-12-03T08:24:00.123456Z", "2026-12-03T08:24:00.123456789Z", "2026-12-03T09:24:00.000+01:00",
      "2026-12-03T24:00:00.000Z", "2026-12-03T08:24:00.1234567891Z", "2026-12-03T08:24:00.Z", "2026-13-03T08:24:00.000Z",
      "2026-02-30T08:24:00.000Z", "2026-12-0xT08:24:00.000Z", "2026-12-03 08:24:00.000Z", "2026-12-03T08:24:00.00xZ",
      "2026-12-03T08:24:00z", ""})
  void time_sameAsTheSdksReading(String text) {
    assertEquals(outcome(DateUtils::parseIso8601Date, text), outcome(ListingPage::time, text));
  }

  /** The time read, or the class of the exception its reading threw. */
  private static Object outcome(Function<String, ?> reading, String text) {
    try {
      return reading.apply(text);
    } catch (RuntimeException e) {
      return e.getClass();
    }
  }
  /** The page as the JDK's DOM reads it (DTDs refused), with the SDK's decoding of URL-encoded keys. */
  private static ListingPage domReading(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    Element root = document.getDocumentElement();
    boolean urlEncoded = "url".equals(childText(root, "EncodingType"));
    List<StoredObject> objects = new ArrayList<>();
    NodeList contents = root.getElementsByTagNameNS("*", "Contents");
    for (int i = 0; i < contents.getLength(); i++) {
      Element c = (Element) contents.item(i);
      String key = childText(c, "Key");
      key = urlEncoded ? URLDecoder.decode(key, StandardCharsets.UTF_8) : key;
      objects.add(new StoredObject(key.substring(2), Long.parseLong(childText(c, "Size").trim()),
          DateUtils.parseIso8601Date(childText(c, "LastModified"))));
    }
    return new ListingPage(objects, childText(root, "NextContinuationToken"));
  }

  private static String childText(Element parent, String localName) {
    for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element e && localName.equals(e.getLocalName())) {
        return e.getTextContent();
      }
    }
    return null;
  }
}
