package dev.offlinedebug.spi;

import dev.offlinedebug.Dump;
import dev.offlinedebug.DumpOccurrences;
import dev.offlinedebug.DumpStore;
import dev.offlinedebug.internal.render.HtmlDump;
import dev.offlinedebug.internal.render.HtmlText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Dumps as self-contained HTML pages, as {@code offline-debug html} writes them, {@code serve}
 * serves them and the JUnit extension's report links to them: the stack trace with {@code Caused
 * by:}/{@code Suppressed:}, frames unfolding to their locals, values unfolding level by level.
 *
 * <p>Every page is one document with its style and script inline, so it works from {@code
 * file://}, offline, attached to a ticket. Everything taken from a dump is escaped, and the page's
 * Content-Security-Policy allows no request at all and runs only the page's own script (by hash):
 * even if a value from a dump slipped past the escaping, it could neither run nor fetch anything.
 * A page of dumps is bounded whatever they hold: once its content reaches {@link
 * DumpRenderer#MAX_CHARS} characters no further frame, value or dump is drawn (elements already
 * open are closed) and it ends with a visible {@code <truncated>} line, so a small crafted record
 * whose throwables share frames with locals cannot make a page of gigabytes.
 *
 * @since 0.1
 */
public final class HtmlPage {
  private static final String STYLE = resource("page.css");
  private static final String SCRIPT = resource("page.js");

  /** The policy every page carries in a {@code <meta>} element; a server sends it as a header too. */
  public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
      + "script-src '" + sha256(SCRIPT) + "'; form-action 'self'; base-uri 'none'";

  /**
   * One dump on a page. A first dump whose failure repeated lists its stored repeats (ID, time,
   * thread) after its stack trace, as {@code show} does; a repeat names the first dump it belongs to.
   *
   * @param dump the dump
   * @param occurrences the repeats of its failure as its store lists them ({@link
   *     DumpStore#occurrences}), or {@code null} when unknown (a standalone file)
   * @param replay the arguments of {@code offline-debug replay} that reach this dump, shown as a
   *     command line to copy
   * @param pageOf the address of the page of the dump with a given ID (escaped here), for the IDs
   *     of repeats and first dumps to link to; {@code null} when there are no such pages: the IDs
   *     are then text
   */
  public record Entry(Dump dump, DumpOccurrences occurrences, List<String> replay, UnaryOperator<String> pageOf) {
    /** A dump whose repeats are unknown, on a page that links to no other dump. */
    public Entry(Dump dump, List<String> replay) {
      this(dump, null, replay, null);
    }
  }

  private HtmlPage() {}

  /**
   * A page showing {@code entries}, one section each, never null; bounded in size (see above).
   *
   * @param title plain text, escaped here
   * @param navigation markup above the content (links of a server), or empty
   */
  public static String ofDumps(String title, String navigation, List<Entry> entries) {
    StringBuilder body = new StringBuilder(16_384);
    for (int i = 0; i < entries.size() && body.length() < DumpRenderer.MAX_CHARS; i++) {
      Entry entry = entries.get(i);
      HtmlDump.render(body, entry, i);
    }
    if (body.length() >= DumpRenderer.MAX_CHARS) {
      body.append("<p class=\"dim\">... page cut at ").append(DumpRenderer.MAX_CHARS)
          .append(" characters <span class=\"marker\">&lt;truncated&gt;</span></p>\n");
    }
    return of(title, navigation, body.toString());
  }

  /**
   * A page with other content (a list, a report) in the same frame and style, never null.
   *
   * @param title plain text, escaped here
   * @param navigation markup above the content (links of a server), or empty
   * @param body the page's content, already escaped markup (see {@link #escape})
   */
  public static String of(String title, String navigation, String body) {
    StringBuilder page = new StringBuilder(body.length() + STYLE.length() + SCRIPT.length() + 1024);
    page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CONTENT_SECURITY_POLICY)
        .append("\">\n<meta name=\"referrer\" content=\"no-referrer\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(HtmlText.escape(title)).append("</title>\n")
        .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    if (!navigation.isEmpty()) {
      page.append("<header class=\"top\">").append(navigation).append("</header>\n");
    }
    page.append("<main>\n").append(body).append("</main>\n")
        .append("<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
    return page.toString();
  }

  /**
   * {@code text}, which may come from a dump, as the content of an element or a quoted attribute
   * value: control and bidi characters as visible escapes (as {@code show} prints them), and the
   * characters HTML gives a meaning to as entities. Never null ({@code null} becomes {@code "null"}).
   */
  public static String escape(String text) {
    return HtmlText.escape(text);
  }

  private static String resource(String name) {
    try (InputStream in = HtmlPage.class.getResourceAsStream("/dev/offlinedebug/internal/render/html/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource html/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(String script) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
