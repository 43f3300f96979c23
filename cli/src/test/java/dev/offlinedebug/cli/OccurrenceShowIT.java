package dev.offlinedebug.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.Failures;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same failure three times inside the dedup window: each ID shows, exports and replays its own values. */
class OccurrenceShowIT {
  @TempDir Path work;

  private List<String> declinedThreeTimes(Path dir) throws Exception {
    List<String> ids = new ArrayList<>();
    try (StoreFixture store = StoreFixture.open(dir, 1 << 20, 1L << 30, Duration.ofMinutes(5))) {
      for (int cents : new int[] {30_007, 30_009, 30_007}) {
        ids.add(store.write(Failures.declined("C-" + cents, cents), "com.acme.shop.Checkout", "Checkout failed",
            Map.of("cents", Integer.toString(cents))));
      }
    }
    return ids;
  }

  @Test
  void showExportReplay_eachOccurrenceItsOwnValues() throws Exception {
    Path dir = work.resolve("dumps");
    List<String> ids = declinedThreeTimes(dir);
    String first = ids.get(0);
    String nine = ids.get(1);
    assertTrue(nine.startsWith(first + "."), ids.toString());
    assertTrue(ids.get(2).startsWith(first + "."), ids.toString());
    JarRunner runner = new JarRunner(work);

    JarRunner.Result show = runner.run("show", nine, "--dir", dir.toString());
    assertEquals(0, show.exit(), show.toString());
    assertTrue(show.out().contains("Dump " + nine), show.toString());
    assertTrue(show.out().contains("checkout of 30009 cents failed"), show.toString());
    assertTrue(show.out().contains("cents = 30009"), show.toString());
    assertFalse(show.out().contains("30007"), show.toString());
    assertTrue(show.out().contains("a repeat of " + first + " (3 occurrences in all)"), show.toString());

    JarRunner.Result export = runner.run("export", nine, "--format", "json", "--dir", dir.toString());
    assertEquals(0, export.exit(), export.toString());
    JsonObject json = JsonParser.parseString(export.out()).getAsJsonObject();
    assertEquals(nine, json.get("id").getAsString());
    assertEquals("30009", json.getAsJsonObject("mdc").get("cents").getAsString());
    assertEquals("checkout of 30009 cents failed", json.getAsJsonObject("exception").get("message").getAsString());
    assertFalse(export.out().contains("30007"), export.toString());

    JarRunner.Result replay = runner.run("replay", nine, "--cause", "1", "--dir", dir.toString());
    assertEquals(0, replay.exit(), replay.toString());
    assertTrue(replay.out().contains("card declined for C-30009: 30009 EUR"), replay.toString());
  }

  @Test
  void show_firstListsItsOccurrences() throws Exception {
    Path dir = work.resolve("dumps");
    List<String> ids = declinedThreeTimes(dir);
    JarRunner.Result show = new JarRunner(work).run("show", ids.get(0), "--dir", dir.toString());
    assertEquals(0, show.exit(), show.toString());
    assertTrue(show.out().contains("cents = 30007"), show.toString());
    assertTrue(show.out().contains("occurrences 3 in all: this dump, 2 stored with their own values, 0 counted only"),
        show.toString());
    List<String> lines = show.out().lines().toList();
    for (String occurrence : ids.subList(1, 3)) {
      assertTrue(lines.stream().anyMatch(l -> l.trim().startsWith(occurrence + "  ")), show.toString());
    }
  }

  @Test
  void show_pastTheBudgetSaysRepeatsWereOnlyCounted() throws Exception {
    Path dir = work.resolve("dumps");
    List<String> ids = new ArrayList<>();
    try (StoreFixture store = StoreFixture.withRepeatBudget(dir, 4096)) {
      for (int i = 0; i < 200; i++) {
        int cents = 30_000 + i;
        ids.add(store.write(Failures.declined("C-" + cents, cents), "com.acme.shop.Checkout", "Checkout failed",
            Map.of("cents", Integer.toString(cents))));
      }
    }
    String first = ids.get(0);
    long counted = ids.stream().filter(first::equals).count() - 1;
    long stored = ids.size() - 1 - counted;
    assertTrue(counted > 0 && stored > 0, ids.toString());

    JarRunner.Result show = new JarRunner(work).run("show", first, "--dir", dir.toString());
    assertEquals(0, show.exit(), show.toString());
    assertTrue(show.out().contains("occurrences 200 in all: this dump, " + stored + " stored with their own values, "
        + counted + " counted only"), show.toString());
    assertTrue(show.out().contains(counted + " counted only (past the repeats' byte budget"), show.toString());
  }
}
