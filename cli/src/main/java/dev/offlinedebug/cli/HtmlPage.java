package dev.offlinedebug.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The frame of every page the command writes or serves: one self-contained document with its
 * style and script inline, so it works from {@code file://}, offline, attached to a ticket. Its
 * Content-Security-Policy allows no request at all and runs only the page's own script (by hash):
 * even if a value from a dump slipped past {@link HtmlText}, it could neither run nor fetch
 * anything.
 */
final class HtmlPage {
  private static final String STYLE = resource("page.css");
  private static final String SCRIPT = resource("page.js");

  /** Also sent as an HTTP header by {@code serve}. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
      + "script-src '" + sha256(SCRIPT) + "'; form-action 'self'; base-uri 'none'";

  private HtmlPage() {}

  /**
   * A whole page.
   *
   * @param title plain text, escaped here
   * @param navigation markup above the content (links of {@code serve}), or empty
   * @param body the page's content, already escaped markup
   */
  static String of(String title, String navigation, String body) {
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

  private static String resource(String name) {
    try (InputStream in = HtmlPage.class.getResourceAsStream("html/" + name)) {
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
