package dev.offlinedebug.cli;

import dev.offlinedebug.spi.TerminalText;
import java.io.IOException;

/**
 * Passes JSON through, escaping as {@code \}{@code uXXXX} the characters JSON may carry raw but a
 * terminal acts on: C1 controls (U+0080..U+009F, e.g. the single-character CSI), and what {@link
 * TerminalText#isInvisible} names (zero-width, bidi and other format characters, line separators).
 * They can only stand inside JSON strings, where the escape means the same character, so the
 * document stays valid and equal.
 */
final class JsonTerminalGuard implements Appendable {
  private final Appendable out;

  JsonTerminalGuard(Appendable out) {
    this.out = out;
  }

  @Override
  public Appendable append(CharSequence text) throws IOException {
    return append(text, 0, text.length());
  }

  @Override
  public Appendable append(CharSequence text, int start, int end) throws IOException {
    int clean = start;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      // Tag characters and other invisible code points beyond the BMP come as surrogate pairs.
      int width = Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1)) ? 2 : 1;
      int codePoint = width == 2 ? Character.toCodePoint(c, text.charAt(i + 1)) : c;
      if (needsEscape(codePoint)) {
        out.append(text, clean, i);
        for (int unit = i; unit < i + width; unit++) {
          escape(text.charAt(unit));
        }
        clean = i + width;
      }
      i += width - 1;
    }
    out.append(text, clean, end);
    return this;
  }

  @Override
  public Appendable append(char c) throws IOException {
    if (needsEscape(c)) {
      escape(c);
    } else {
      out.append(c);
    }
    return this;
  }

  private void escape(char c) throws IOException {
    out.append(String.format("\\u%04x", (int) c));
  }

  private static boolean needsEscape(int c) {
    return (c >= '\u0080' && c <= '\u009f') || TerminalText.isInvisible(c);
  }
}
