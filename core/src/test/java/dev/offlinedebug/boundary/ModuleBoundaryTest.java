package dev.offlinedebug.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The boundaries between modules: core's public types are the listed ones (a new public type is a
 * decision, recorded in {@code core-public-types.txt}), and no integration depends on another.
 */
class ModuleBoundaryTest {
  private static final Path CLASSES = Path.of("target", "classes");
  private static final Path LISTED = Path.of("src", "test", "resources", "core-public-types.txt");
  /** The integrations, by folder and artifact: each sits on core alone, never on another. */
  private static final Map<String, String> INTEGRATIONS = Map.of(
      "log4j2-appender", "offline-debug-log4j2",
      "logback-appender", "offline-debug-logback",
      "junit5", "offline-debug-junit5",
      "cli", "offline-debug-cli");

  @Test
  void corePublicTypes_areTheListedOnes() throws Exception {
    TreeSet<String> found = new TreeSet<>();
    try (Stream<Path> files = Files.walk(CLASSES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = CLASSES.relativize(file).toString().replace(".class", "").replace('/', '.');
        if (name.contains("$") || name.endsWith("package-info")) {
          continue;
        }
        Class<?> type = Class.forName(name, false, getClass().getClassLoader());
        if (Modifier.isPublic(type.getModifiers())) {
          found.add(name);
        }
      }
    }
    TreeSet<String> listed = new TreeSet<>();
    for (String line : Files.readAllLines(LISTED, StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        listed.add(line.trim());
      }
    }
    TreeSet<String> unlisted = new TreeSet<>(found);
    unlisted.removeAll(listed);
    TreeSet<String> gone = new TreeSet<>(listed);
    gone.removeAll(found);
    assertTrue(unlisted.isEmpty() && gone.isEmpty(), "core's public types changed: new " + unlisted
        + ", no longer public " + gone + "; update " + LISTED + " (and the README's Java API) deliberately");
  }

  @Test
  void integrations_dependOnNoOtherIntegration() throws Exception {
    for (String folder : INTEGRATIONS.keySet()) {
      List<String> reached = new ArrayList<>(dependencies(Path.of("..", folder, "pom.xml")));
      reached.retainAll(INTEGRATIONS.values());
      assertEquals(List.of(), reached, folder + " depends on another integration");
    }
  }

  private static List<String> dependencies(Path pom) throws IOException {
    try {
      NodeList nodes = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(pom.toFile())
          .getElementsByTagName("dependency");
      List<String> artifacts = new ArrayList<>();
      for (int i = 0; i < nodes.getLength(); i++) {
        Element dependency = (Element) nodes.item(i);
        artifacts.add(dependency.getElementsByTagName("artifactId").item(0).getTextContent().trim());
      }
      return artifacts;
    } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
      throw new IOException(pom + ": " + e, e);
    }
  }
}
