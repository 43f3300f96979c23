package dev.offlinedebug.s3;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamException;

/**
 * A cursor over the elements of a UTF-8 XML document of elements and text only, as S3 writes
 * them: what a listing page needs of XML, read straight from its bytes. In a process that lives a
 * second, the JDK's StAX reader costs several times more for the same page: its much larger code
 * runs interpreted or barely compiled. Declarations, comments, processing instructions and CDATA sections are understood;
 * anything else (a DTD, an entity other than XML's own, another encoding) is refused with an
 * exception, and the caller leaves such a document to a full XML reader.
 */
final class XmlCursor {
  private final byte[] xml;
  private int at;
  /** The local name of the element whose start tag the cursor is at. */
  private String name;
  private boolean empty;

  XmlCursor(byte[] xml) throws XMLStreamException {
    this.xml = xml;
    boolean byteOrderMark = xml.length >= 3 && xml[0] == (byte) 0xEF && xml[1] == (byte) 0xBB && xml[2] == (byte) 0xBF;
    this.at = byteOrderMark ? 3 : 0;
    if (startsWith("<?xml")) {
      int end = indexOf("?>", at);
      String declaration = new String(xml, at, end - at, StandardCharsets.US_ASCII);
      if (declaration.matches("(?s).*encoding\\s*=\\s*['\"](?!(?i:utf-8)['\"]).*")) {
        throw new XMLStreamException("not UTF-8");
      }
      at = end + 2;
    }
  }

  /**
   * Moves to the next start tag inside the current element, past the children before it; {@code
   * false}, past the element's end tag, when it has no more. Only white space may lie between.
   */
  boolean nextStart() throws XMLStreamException {
    while (true) {
      while (at < xml.length && isSpace(xml[at])) {
        at++;
      }
      if (at >= xml.length) {
        return false;
      }
      if (xml[at] != '<') {
        throw new XMLStreamException("text where an element was expected at byte " + at);
      }
      if (skipCommentOrInstruction()) {
        continue;
      }
      if (startsWith("</")) {
        at = indexOf(">", at) + 1;
        return false;
      } else if (startsWith("<!")) {
        throw new XMLStreamException("a DTD or CDATA where an element was expected at byte " + at);
      } else {
        readStartTag();
        return true;
      }
    }
  }

  /** The local name (without namespace prefix) of the element the cursor is at the start of. */
  String name() {
    return name;
  }

  /** The text of the element the cursor is at the start of, which has no child elements; moves past its end. */
  String text() throws XMLStreamException {
    if (empty) {
      return "";
    }
    int start = at;
    int end = start;
    while (end < xml.length && xml[end] != '<' && xml[end] != '&' && xml[end] != '\r') {
      end++;
    }
    if (end < xml.length && xml[end] == '<' && !startsWith("<!", end)) {
      at = end;
      String text = new String(xml, start, end - start, StandardCharsets.UTF_8);
      endTag();
      return text;
    }
    return escapedText(start);
  }

  /** Moves past the element the cursor is at the start of, with everything inside it. */
  void skip() throws XMLStreamException {
    if (empty) {
      return;
    }
    for (int depth = 1; depth > 0; ) {
      at = indexOf("<", at);
      if (skipCommentOrInstruction()) {
        continue;
      }
      if (startsWith("<![CDATA[")) {
        at = indexOf("]]>", at) + 3;
      } else if (startsWith("</")) {
        at = indexOf(">", at) + 1;
        depth--;
      } else if (startsWith("<!")) {
        throw new XMLStreamException("a DTD inside an element at byte " + at);
      } else {
        readStartTag();
        depth += empty ? 0 : 1;
      }
    }
  }

  /** Text with references, CDATA sections, comments, instructions or line ends to turn into what they stand for. */
  private String escapedText(int start) throws XMLStreamException {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    at = start;
    while (true) {
      if (at >= xml.length) {
        throw new XMLStreamException("the document ends inside " + name);
      }
      if (skipCommentOrInstruction()) {
        continue;
      }
      byte b = xml[at];
      if (startsWith("<![CDATA[")) {
        int end = indexOf("]]>", at);
        text.write(xml, at + 9, end - at - 9);
        at = end + 3;
      } else if (b == '<') {
        endTag();
        return text.toString(StandardCharsets.UTF_8);
      } else if (b == '&') {
        int end = indexOf(";", at);
        text.writeBytes(reference(new String(xml, at + 1, end - at - 1, StandardCharsets.US_ASCII))
            .getBytes(StandardCharsets.UTF_8));
        at = end + 1;
      } else if (b == '\r') {
        // XML reads a line end written \r\n or \r as \n.
        text.write('\n');
        at += at + 1 < xml.length && xml[at + 1] == '\n' ? 2 : 1;
      } else {
        text.write(b);
        at++;
      }
    }
  }

  /** Moves past the comment or processing instruction at the cursor; {@code false} when there is none. */
  private boolean skipCommentOrInstruction() throws XMLStreamException {
    if (startsWith("<!--")) {
      at = indexOf("-->", at) + 3;
      return true;
    }
    if (startsWith("<?")) {
      at = indexOf("?>", at) + 2;
      return true;
    }
    return false;
  }

  private static String reference(String entity) throws XMLStreamException {
    switch (entity) {
      case "lt": return "<";
      case "gt": return ">";
      case "amp": return "&";
      case "quot": return "\"";
      case "apos": return "'";
      default:
        try {
          if (entity.startsWith("#x")) {
            return Character.toString(Integer.parseInt(entity.substring(2), 16));
          }
          if (entity.startsWith("#")) {
            return Character.toString(Integer.parseInt(entity.substring(1)));
          }
        } catch (IllegalArgumentException e) {
          // not a number, or not a code point: refused below
        }
        throw new XMLStreamException("an entity other than XML's own");
    }
  }

  /** Reads the start tag at {@code at}: its name, and whether it is also its end ({@code <a/>}). */
  private void readStartTag() throws XMLStreamException {
    int nameStart = at + 1;
    int i = nameStart;
    int colon = -1;
    while (i < xml.length && !isSpace(xml[i]) && xml[i] != '/' && xml[i] != '>') {
      if (xml[i] == ':') {
        colon = i;
      }
      i++;
    }
    int localStart = colon < 0 ? nameStart : colon + 1;
    name = new String(xml, localStart, i - localStart, StandardCharsets.UTF_8);
    // Attributes are skipped; a quoted value may hold '>'.
    for (byte quote = 0; i < xml.length; i++) {
      if (quote != 0) {
        quote = xml[i] == quote ? 0 : quote;
      } else if (xml[i] == '"' || xml[i] == '\'') {
        quote = xml[i];
      } else if (xml[i] == '>') {
        empty = xml[i - 1] == '/';
        at = i + 1;
        return;
      }
    }
    throw new XMLStreamException("the document ends inside a tag");
  }

  /** Moves past the end tag at {@code at}, which must close the current element. */
  private void endTag() throws XMLStreamException {
    if (!startsWith("</")) {
      throw new XMLStreamException("an element inside " + name + ", which should hold text only");
    }
    int end = indexOf(">", at);
    String closed = new String(xml, at + 2, end - at - 2, StandardCharsets.UTF_8).strip();
    if (!closed.equals(name) && !closed.endsWith(":" + name)) {
      throw new XMLStreamException(name + " closed by " + closed);
    }
    at = end + 1;
  }

  private boolean startsWith(String text) {
    return startsWith(text, at);
  }

  private boolean startsWith(String text, int from) {
    if (from + text.length() > xml.length) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (xml[from + i] != text.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private int indexOf(String text, int from) throws XMLStreamException {
    for (int i = from; i + text.length() <= xml.length; i++) {
      if (startsWith(text, i)) {
        return i;
      }
    }
    throw new XMLStreamException("the document ends before " + text);
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r';
  }
}
