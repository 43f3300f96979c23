package dev.offlinedebug.cli;

/**
 * Makes text read from a dump safe to print on a terminal. Dumps hold whatever the application
 * had in its variables; printed raw, an {@code ESC [2J} would clear the screen and a bidi override
 * would reorder what the reader sees. Every such character becomes a visible Java-style escape
 * ({@code \u001b}), so what is shown is exactly what was captured.
 */
final class TerminalText {
  private TerminalText() {}

  /** {@code text} with every control, bidi and line-separator character escaped. */
  static String escape(String text) {
    return escape(text, false, false);
  }

  /**
   * {@code text} with control characters escaped except line feeds and tabs, for multi-line text
   * such as exception messages and stack traces.
   */
  static String escapeKeepingLines(String text) {
    return escape(text, true, false);
  }

  /**
   * {@code text} as a double-quoted Java string literal: backslashes and quotes escaped too, so
   * that an escape in the output is never ambiguous with the same characters in the value.
   */
  static String quote(String text) {
    return '"' + escape(text, false, true) + '"';
  }

  /** {@code c} as a single-quoted Java char literal. */
  static String quote(char c) {
    return c == '\'' ? "'\\''" : "'" + escape(String.valueOf(c), false, false) + "'";
  }

  private static String escape(String text, boolean keepLayout, boolean literal) {
    if (text == null) {
      return "null";
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replacement = replacement(text, i, c, keepLayout, literal);
      if (replacement != null && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        if (replacement != null) {
          out.append(replacement);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? text : out.toString();
  }

  private static String replacement(
      String text, int i, char c, boolean keepLayout, boolean literal) {
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
    if (Character.isISOControl(c) || isInvisibleFormatting(c) || isLoneSurrogate(text, i, c)) {
      return String.format("\\u%04x", (int) c);
    }
    return null;
  }

  /** Bidi embeddings, overrides, isolates and marks, and the Unicode line/paragraph separators. */
  static boolean isInvisibleFormatting(char c) {
    return c == '\u061c'
        || c == '\u200e'
        || c == '\u200f'
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069')
        || c == '\u2028'
        || c == '\u2029';
  }

  private static boolean isLoneSurrogate(String text, int i, char c) {
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
    }
    return false;
  }
}
