package dev.offlinedebug.internal.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.offlinedebug.spi.TerminalText;
import org.junit.jupiter.api.Test;

class TerminalTextTest {

  @Test
  void escape_plainText() {
    String text = "insufficient funds: 337.90 € for Ada";
    assertSame(text, TerminalText.escape(text));
  }

  @Test
  void escape_escapeSequence() {
    assertEquals("a\\u001b[2Jb", TerminalText.escape("a\u001b[2Jb"));
  }

  @Test
  void escape_controlCharacters() {
    assertEquals("\\u0000\\u0007\\u007f\\r\\n\\t", TerminalText.escape("\u0000\u0007\u007f\r\n\t"));
  }

  @Test
  void escape_c1Controls() {
    assertEquals("\\u009b2J\\u0085", TerminalText.escape("\u009b2J\u0085"));
  }

  @Test
  void escape_bidiAndSeparators() {
    assertEquals("\\u202eabc\\u2066\\u200f\\u2028", TerminalText.escape("\u202eabc\u2066\u200f\u2028"));
  }

  @Test
  void escape_loneSurrogates() {
    assertEquals("\\ud83d-\\ude00-\ud83d\ude00", TerminalText.escape("\ud83d-\ude00-\ud83d\ude00"));
  }

  @Test
  void escapeKeepingLines_keepsLineFeedsAndTabs() {
    assertEquals("one\n\ttwo\\r\\u001b", TerminalText.escapeKeepingLines("one\n\ttwo\r\u001b"));
  }

  @Test
  void quote_backslashesAndQuotes() {
    assertEquals("\"C:\\\\tmp \\\"x\\\" \\u001b\"", TerminalText.quote("C:\\tmp \"x\" \u001b"));
  }

  @Test
  void quote_char() {
    assertEquals("'\\u001b'", TerminalText.quote('\u001b'));
    assertEquals("'\\''", TerminalText.quote('\''));
  }

  @Test
  void escape_zeroWidthAndFormatCharacters() {
    assertEquals("a\\u200bb\\u200dc\\ufeffd\\u2060e\\u00adf\\u202ag\\u2069h\\udb40\\udc01",
        TerminalText.escape("a\u200bb\u200dc\ufeffd\u2060e\u00adf\u202ag\u2069h\udb40\udc01"));
  }

  @Test
  void escapeLines_marksContinuationLines() {
    assertEquals("boom\n  | \tat com.acme.Forged.run(Forged.java:1)\n  | \\u001b",
        TerminalText.escapeLines("boom\n\tat com.acme.Forged.run(Forged.java:1)\n\u001b", "  "));
  }
}
