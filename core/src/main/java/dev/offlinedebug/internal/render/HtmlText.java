package dev.offlinedebug.internal.render;

import dev.offlinedebug.spi.TerminalText;

/**
 * Makes text read from a dump safe inside an HTML page. The text is first {@linkplain TerminalText
 * escaped} as for a terminal, so that control and bidi characters show as visible escapes exactly as
 * {@code show} prints them; then the characters HTML gives a meaning to become entities, so a
 * captured {@code <script>} or {@code </textarea>} is shown as text and never parsed as markup.
 */
public final class HtmlText {
  private HtmlText() {}

  /** One-line text for an element's content or a quoted attribute value. */
  public static String escape(String text) {
    return entities(TerminalText.escape(text));
  }

  /** Multi-line text (messages, stack trace headers): line feeds and tabs are kept. */
  static String escapeKeepingLines(String text) {
    return entities(TerminalText.escapeKeepingLines(text));
  }

  /**
   * Text that is already terminal-safe (for example produced by {@link ValueRenderer} with {@link
   * Style#PLAIN}), with only the HTML-significant characters replaced.
   */
  static String entities(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String entity = switch (c) {
        case '&' -> "&amp;";
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '"' -> "&quot;";
        case '\'' -> "&#39;";
        default -> null;
      };
      if (entity != null && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        if (entity != null) {
          out.append(entity);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? text : out.toString();
  }
}
