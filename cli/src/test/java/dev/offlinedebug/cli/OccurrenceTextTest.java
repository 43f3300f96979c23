package dev.offlinedebug.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.offlinedebug.DumpOccurrences;
import dev.offlinedebug.spi.Style;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OccurrenceTextTest {
  private static final String FIRST = "od-mhx2k3a1b-q7f3kz-1a2b";
  private final OccurrenceText text = new OccurrenceText(Style.PLAIN);

  @Test
  void render_neverRepeatedSaysNothing() {
    assertEquals("", text.render(FIRST, DumpOccurrences.none(FIRST)));
  }

  @Test
  void render_firstListsStoredAndCounted() {
    DumpOccurrences occurrences = new DumpOccurrences(FIRST,
        List.of(new DumpOccurrences.Stored(FIRST + ".5k7", Instant.parse("2026-12-01T10:00:01Z"), "http-1")), 2, 40);
    String out = text.render(FIRST, occurrences);
    assertTrue(out.contains("occurrences 44 in all: this dump, 3 stored with their own values, 40 counted only\n"), out);
    assertTrue(out.contains("\n            " + FIRST + ".5k7  2026-12-01T10:00:01Z  [http-1]\n"), out);
    assertTrue(out.contains("... 2 more not listed\n"), out);
    assertTrue(out.contains("40 counted only (past the repeats' byte budget"), out);
  }

  @Test
  void render_occurrenceNamesItsFirst() {
    DumpOccurrences occurrences = new DumpOccurrences(FIRST,
        List.of(new DumpOccurrences.Stored(FIRST + ".5k7", Instant.EPOCH, "http-1")), 0, 0);
    assertTrue(text.render(FIRST + ".5k7", occurrences).contains("occurrence  a repeat of " + FIRST
        + " (2 occurrences in all)"), text.render(FIRST + ".5k7", occurrences));
  }

  @Test
  void render_hostileThreadNameEscaped() {
    DumpOccurrences occurrences = new DumpOccurrences(FIRST,
        List.of(new DumpOccurrences.Stored(FIRST + ".5k7", Instant.EPOCH, "evil\u001b[2J")), 0, 0);
    String out = text.render(FIRST, occurrences);
    assertFalse(out.contains("\u001b"), out);
  }
}
