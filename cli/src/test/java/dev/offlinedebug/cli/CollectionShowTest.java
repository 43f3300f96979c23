package dev.offlinedebug.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.spi.DumpRenderer;
import dev.offlinedebug.spi.Style;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code show} lists the elements of collections that are not plain JDK collections. */
class CollectionShowTest {
  /** An application subclass of a JDK list that keeps the JDK's reading methods. */
  static final class Names extends ArrayList<String> {
    Names(String... names) {
      super(List.of(names));
    }
  }

  /** An application exception holding values: its fields are captured without the agent. */
  static final class Holding extends RuntimeException {
    private final Names names = new Names("ada", "bob");
    private final Map<String, Integer> scores = new LinkedHashMap<>() {};
    private final Properties settings = new Properties();
    private final Hashtable<String, Integer> stock = new Hashtable<>(Map.of("sku", 4));

    Holding() {
      super("holding");
      scores.put("ada", 3);
      settings.setProperty("mode", "fast");
    }
  }

  @Test
  void render_applicationCollectionSubclasses_listElements(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("holding.dump");
    OfflineDebug.save(new Holding(), file);

    String text = new DumpRenderer(Style.PLAIN).render(OfflineDebug.load(file));

    assertTrue(text.contains("field names = " + Names.class.getName() + " #"), text);
    assertTrue(text.contains("size 2 [\"ada\", \"bob\"]"), text);
    assertTrue(text.contains("size 1 {\"ada\"=3}"), text);
    assertTrue(text.contains("field settings = java.util.Properties #"), text);
    assertTrue(text.contains("size 1 {\"mode\"=\"fast\"}"), text);
    // Read without its monitor and without the agent, on every JDK.
    assertTrue(text.contains("field stock = java.util.Hashtable #"), text);
    assertTrue(text.contains("size 1 {\"sku\"=4}"), text);
  }
}
