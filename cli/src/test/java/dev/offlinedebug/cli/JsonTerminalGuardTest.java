package dev.offlinedebug.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class JsonTerminalGuardTest {
  private static String guarded(String json) throws IOException {
    StringBuilder out = new StringBuilder();
    new JsonTerminalGuard(out).append(json);
    return out.toString();
  }

  @Test
  void append_invisibleAndC1CharactersEscaped() throws IOException {
    assertEquals("{\"v\":\"a\\u009bb\\u200bc\\u202ed\\ufeffe\\u00adf\"}",
        guarded("{\"v\":\"a\u009bb\u200bc\u202ed\ufeffe\u00adf\"}"));
  }

  @Test
  void append_tagCharactersBeyondTheBmpEscaped() throws IOException {
    assertEquals("\"\\udb40\\udc41 \ud83d\ude00\"", guarded("\"\udb40\udc41 \ud83d\ude00\""));
  }
}
