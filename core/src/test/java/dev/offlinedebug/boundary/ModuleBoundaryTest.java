package dev.offlinedebug.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The boundaries between modules. Core's public types are the listed ones, by section ({@code
 * core-public-types.txt}): the user API, exactly what the README's Java API section names; the
 * integration kit {@code dev.offlinedebug.spi}, exactly what its package Javadoc names; the agent's
 * recorder {@code dev.offlinedebug.locals}; and {@code dev.offlinedebug.internal.*}. No other module's
 * main code uses core's internal packages, only the agent uses the recorder, and no integration
 * depends on or reaches into another. Tests and the benchmarks may look inside: they measure and
 * check internals on purpose, and ship nowhere.
 */
class ModuleBoundaryTest {
  private static final Path CLASSES = Path.of("target", "classes");
  private static final Path LISTED = Path.of("src", "test", "resources", "core-public-types.txt");
  private static final Path README = Path.of("..", "README.md");
  private static final Path SPI_JAVADOC = Path.of("src", "main", "java", "dev", "offlinedebug", "spi", "package-info.java");
  /** The integrations, by folder and artifact: each sits on core alone, never on another. */
  private static final Map<String, String> INTEGRATIONS = Map.of(
      "log4j2-appender", "offline-debug-log4j2",
      "logback-appender", "offline-debug-logback",
      "junit5", "offline-debug-junit5",
      "cli", "offline-debug-cli");
  /** Every module that ships, by folder, with the base package of its own code. */
  private static final Map<String, String> MODULES = Map.of(
      "agent", "dev.offlinedebug.agent",
      "replay", "dev.offlinedebug.replay",
      "log4j2-appender", "dev.offlinedebug.log4j2",
      "logback-appender", "dev.offlinedebug.logback",
      "junit5", "dev.offlinedebug.junit5",
      "s3", "dev.offlinedebug.s3",
      "cli", "dev.offlinedebug.cli");
  private static final Pattern CORE_REFERENCE = Pattern.compile("dev\\.offlinedebug\\.(internal|locals)\\.[\\w.]*");
  private static final Pattern SPI_LINK = Pattern.compile("\\{@link (dev\\.offlinedebug\\.spi\\.\\w+)\\}");
  private static final Pattern CODE_NAME = Pattern.compile("`([\\w.]+)`");

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
    listed().values().forEach(listed::addAll);
    TreeSet<String> unlisted = new TreeSet<>(found);
    unlisted.removeAll(listed);
    TreeSet<String> gone = new TreeSet<>(listed);
    gone.removeAll(found);
    assertTrue(unlisted.isEmpty() && gone.isEmpty(), "core's public types changed: new " + unlisted
        + ", no longer public " + gone + "; update " + LISTED + " (and the README's Java API or the spi Javadoc) deliberately");
  }

  @Test
  void listedSections_holdTheirOwnPackagesOnly() throws IOException {
    for (Map.Entry<String, TreeSet<String>> section : listed().entrySet()) {
      for (String type : section.getValue()) {
        String pkg = type.substring(0, type.lastIndexOf('.'));
        boolean fits = switch (section.getKey()) {
          case "api" -> pkg.equals("dev.offlinedebug") || pkg.equals("dev.offlinedebug.model")
              || pkg.equals("dev.offlinedebug.json") || pkg.equals("dev.offlinedebug.rebuild");
          case "spi" -> pkg.equals("dev.offlinedebug.spi");
          case "locals" -> pkg.equals("dev.offlinedebug.locals");
          case "internal" -> pkg.startsWith("dev.offlinedebug.internal.");
          default -> false;
        };
        assertTrue(fits, type + " is listed under [" + section.getKey() + "]");
      }
    }
  }

  @Test
  void readmeJavaApi_namesExactlyTheUserApi() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    int start = readme.indexOf("The public API is these types and nothing else:");
    assertTrue(start >= 0, "the README's Java API section lists the public types");
    String paragraph = readme.substring(start, readme.indexOf("\n\n", start));
    TreeSet<String> named = new TreeSet<>();
    Matcher code = CODE_NAME.matcher(paragraph);
    while (code.find()) {
      String name = code.group(1);
      String simple = name.substring(name.lastIndexOf('.') + 1);
      if (!simple.isEmpty() && Character.isUpperCase(simple.charAt(0))) {
        named.add(simple);
      }
    }
    TreeSet<String> api = new TreeSet<>();
    listed().get("api").forEach(type -> api.add(type.substring(type.lastIndexOf('.') + 1)));
    assertEquals(api, named);
  }

  @Test
  void spiJavadoc_namesExactlyTheIntegrationKit() throws IOException {
    TreeSet<String> named = new TreeSet<>();
    Matcher link = SPI_LINK.matcher(Files.readString(SPI_JAVADOC, StandardCharsets.UTF_8).replaceAll("\\s*\\*\\s*", " "));
    while (link.find()) {
      named.add(link.group(1));
    }
    assertEquals(listed().get("spi"), named);
  }

  @Test
  void modules_useNoInternalPackageOfCore_andOnlyTheAgentUsesTheRecorder() throws IOException {
    List<String> found = new ArrayList<>();
    for (String module : MODULES.keySet()) {
      for (Path source : sources(module)) {
        Matcher reference = CORE_REFERENCE.matcher(Files.readString(source, StandardCharsets.UTF_8));
        while (reference.find()) {
          if (!(module.equals("agent") && reference.group(1).equals("locals"))) {
            found.add(source + ": " + reference.group());
          }
        }
      }
    }
    assertEquals(List.of(), found);
  }

  @Test
  void integrations_reachIntoNoOtherIntegration() throws IOException {
    List<String> found = new ArrayList<>();
    for (String module : MODULES.keySet()) {
      for (Path source : sources(module)) {
        String text = Files.readString(source, StandardCharsets.UTF_8);
        for (String other : INTEGRATIONS.keySet()) {
          if (!other.equals(module) && text.contains(MODULES.get(other) + ".")) {
            found.add(source + " uses " + MODULES.get(other));
          }
        }
      }
    }
    assertEquals(List.of(), found);
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

  /** The listed types by section, in file order. */
  private static Map<String, TreeSet<String>> listed() throws IOException {
    Map<String, TreeSet<String>> sections = new LinkedHashMap<>();
    TreeSet<String> current = null;
    for (String line : Files.readAllLines(LISTED, StandardCharsets.UTF_8)) {
      String entry = line.trim();
      if (entry.startsWith("[") && entry.endsWith("]")) {
        current = sections.computeIfAbsent(entry.substring(1, entry.length() - 1), k -> new TreeSet<>());
      } else if (!entry.isEmpty() && !entry.startsWith("#")) {
        assertTrue(current != null, entry + " is listed outside a section");
        current.add(entry);
      }
    }
    assertEquals(List.of("api", "spi", "locals", "internal"), List.copyOf(sections.keySet()));
    return sections;
  }

  private static List<Path> sources(String module) throws IOException {
    Path root = Path.of("..", module, "src", "main", "java");
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".java")).toList();
    }
  }
}
