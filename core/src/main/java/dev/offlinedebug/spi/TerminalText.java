package dev.offlinedebug.spi;

/**
 * Makes text read from a dump safe to print on a terminal. Dumps hold whatever the application
 * had in its variables; printed raw, an {@code ESC [2J} would clear the screen and a bidi override
 * would reorder what the reader sees. Every such character becomes a visible Java-style escape
 * ({@code \u001b}), so what is shown is exactly what was captured.
 *
 * @since 0.1
 */
public final class TerminalText {
  private TerminalText() {}

  /** {@code text} with every control, bidi and line-separator character escaped. */
  public static String escape(String text) {
    return escape(text, false, false);
  }

  /**
   * {@code text} with control characters escaped except line feeds and tabs, for multi-line text
   * such as exception messages and stack traces.
   */
  public static String escapeKeepingLines(String text) {
    return escape(text, true, false);
  }

  /**
   * Multi-line text such as an exception message, {@linkplain #escapeKeepingLines escaped}, with
   * every line after the first starting with {@code indent} and {@value #CONTINUATION}: a message
   * line can then never pass for a stack frame or another line of our own.
   */
  public static String escapeLines(String text, String indent) {
    return escapeKeepingLines(text).replace("\n", "\n" + indent + CONTINUATION);
  }

  /** What marks a continuation line of multi-line text taken from a dump. */
  static final String CONTINUATION = "| ";

  /**
   * {@code text} as a double-quoted Java string literal: backslashes and quotes escaped too, so
   * that an escape in the output is never ambiguous with the same characters in the value.
   */
  public static String quote(String text) {
    return '"' + escape(text, false, true) + '"';
  }

  /** {@code c} as a single-quoted Java char literal. */
  public static String quote(char c) {
    return c == '\'' ? "'\\''" : "'" + escape(String.valueOf(c), false, false) + "'";
  }

  private static String escape(String text, boolean keepLayout, boolean literal) {
    if (text == null) {
      return "null";
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      int width = Character.charCount(c);
      String replacement = replacement(c, keepLayout, literal);
      if (replacement != null && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        if (replacement != null) {
          out.append(replacement);
        } else {
          out.appendCodePoint(c);
        }
      }
      i += width;
    }
    return out == null ? text : out.toString();
  }

  private static String replacement(int c, boolean keepLayout, boolean literal) {
    switch (c) {
      case '\n':
        return keepLayout ? null : "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return keepLayout ? null : "\\t";
      case '\\':
        return literal ? "\\\\" : null;
      case '"':
        return literal ? "\\\"" : null;
      default:
        break;
    }
    // codePointAt pairs a well-formed surrogate pair, so a surrogate code point here stands alone.
    if (Character.isISOControl(c) || isInvisible(c) || Character.getType(c) == Character.SURROGATE) {
      return codeUnits(c);
    }
    return null;
  }

  private static String codeUnits(int c) {
    StringBuilder units = new StringBuilder(12);
    for (char unit : Character.toChars(c)) {
      units.append(String.format("\\u%04x", (int) unit));
    }
    return units.toString();
  }

  /**
   * Characters a terminal draws as nothing or uses to reorder or hide text: format characters
   * (zero-width space and joiners, U+FEFF, the soft hyphen, word joiner, bidi embeddings, overrides,
   * isolates and marks, tag characters), and the Unicode line and paragraph separators.
   */
  public static boolean isInvisible(int c) {
    int type = Character.getType(c);
    return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
  }
}
