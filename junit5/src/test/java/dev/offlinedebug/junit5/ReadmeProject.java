package dev.offlinedebug.junit5;

import dev.offlinedebug.testing.ReadmeSnippets;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * A user's project set up exactly as the README's Maven snippet says: the snippet, verbatim, merged
 * into a plain JUnit 5 project's {@code pom.xml}, and a local repository that holds this reactor's
 * artifacts as if they had been published, beside everything the build has already downloaded.
 */
final class ReadmeProject {
  private static final Path ROOT = Path.of("..");
  /** A plain JUnit 5 project before the snippet: what a user already has. */
  private static final String USERS_POM = """
      <project xmlns="http://maven.apache.org/POM/4.0.0">
        <modelVersion>4.0.0</modelVersion>
        <groupId>com.acme</groupId>
        <artifactId>shop</artifactId>
        <version>1</version>
        <properties>
          <maven.compiler.release>17</maven.compiler.release>
          <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
        </properties>
        <dependencies>
          <dependency>
            <groupId>org.junit.jupiter</groupId>
            <artifactId>junit-jupiter</artifactId>
            <version>${junit.version}</version>
            <scope>test</scope>
          </dependency>
        </dependencies>
        <build>
          <plugins>
            <plugin>
              <artifactId>maven-resources-plugin</artifactId>
              <version>3.3.1</version>
            </plugin>
            <plugin>
              <artifactId>maven-compiler-plugin</artifactId>
              <version>3.14.1</version>
            </plugin>
          </plugins>
        </build>
      </project>
      """;
  /** The reactor modules a user's test build resolves through offline-debug-junit5 and the agent. */
  private static final List<String> MODULES = List.of("core", "replay", "junit5");

  private ReadmeProject() {}

  /** The user's pom with the README's snippet merged in, element by element, as the README says. */
  static String pom() throws Exception {
    Document pom = parse(USERS_POM);
    Document snippet = parse("<project>" + ReadmeSnippets.xml("<argLine>") + "</project>");
    for (Node part = snippet.getDocumentElement().getFirstChild(); part != null; part = part.getNextSibling()) {
      if (part instanceof Element element) {
        Element mine = child(pom.getDocumentElement(), element.getTagName());
        if (element.getTagName().equals("build")) {
          merge(pom, child(mine, "plugins"), child(element, "plugins"));
        } else {
          merge(pom, mine, element);
        }
      }
    }
    StringWriter out = new StringWriter();
    var transformer = TransformerFactory.newInstance().newTransformer();
    transformer.setOutputProperty(OutputKeys.INDENT, "yes");
    transformer.transform(new DOMSource(pom), new StreamResult(out));
    return out.toString();
  }

  /**
   * A local repository: every group of {@code downloaded} linked in, and this reactor's artifacts
   * (parent pom, core, replay, the JUnit extension and the packaged agent) at {@code version}, so
   * that the user's build resolves them offline without anything being installed into {@code
   * downloaded}.
   */
  static Path repository(Path at, Path downloaded, String version, Path agentJar) throws IOException {
    Files.createDirectories(at);
    try (Stream<Path> groups = Files.list(downloaded)) {
      for (Path group : groups.toList()) {
        if (group.getFileName().toString().equals("dev")) {
          try (Stream<Path> devGroups = Files.list(group)) {
            for (Path devGroup : devGroups.filter(g -> !g.getFileName().toString().equals("offlinedebug")).toList()) {
              Files.createDirectories(at.resolve("dev"));
              Files.createSymbolicLink(at.resolve("dev").resolve(devGroup.getFileName()), devGroup);
            }
          }
        } else {
          Files.createSymbolicLink(at.resolve(group.getFileName()), group);
        }
      }
    }
    publish(at, "offline-debug-parent", version, ROOT.resolve("pom.xml"));
    for (String module : MODULES) {
      jarOf(ROOT.resolve(module).resolve("target/classes"),
          publish(at, "offline-debug-" + module, version, ROOT.resolve(module).resolve("pom.xml")));
    }
    Files.copy(agentJar, publish(at, "offline-debug-agent", version, ROOT.resolve("agent/pom.xml")));
    return at;
  }

  /** Places {@code pom} as the artifact's; returns where its jar goes. */
  private static Path publish(Path repository, String artifact, String version, Path pom) throws IOException {
    Path directory = Files.createDirectories(repository.resolve("dev/offlinedebug").resolve(artifact).resolve(version));
    Files.copy(pom, directory.resolve(artifact + "-" + version + ".pom"));
    return directory.resolve(artifact + "-" + version + ".jar");
  }

  private static void jarOf(Path classes, Path jar) throws IOException {
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
        Stream<Path> files = Files.walk(classes)) {
      for (Path entry : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(entry).toString().replace('\\', '/')));
        Files.copy(entry, out);
        out.closeEntry();
      }
    }
  }

  private static void merge(Document pom, Element into, Element from) {
    for (Node node = from.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element) {
        into.appendChild(pom.importNode(node, true));
      }
    }
  }

  private static Element child(Element parent, String name) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        return element;
      }
    }
    Element created = parent.getOwnerDocument().createElement(name);
    parent.appendChild(created);
    return created;
  }

  private static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }
}
