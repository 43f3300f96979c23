package dev.offlinedebug.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.offlinedebug.testing.ReadmeSnippets;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The README's Maven snippet, copied verbatim into a {@code <project>} as the README says, needs
 * nothing the README leaves out (checked on the XML, without a nested Maven run): well-formed, every {@code ${...}} it uses
 * defined by itself (its own properties, or the dependency plugin's {@code properties} goal for a
 * dependency it declares), its offline-debug artifacts those of this reactor at its version, and
 * its plugin versions those this build runs with. {@link SurefireRunTest} runs the same
 * arrangement of agent and extension under a real Surefire.
 */
class ReadmeMavenSnippetTest {
  private static final Path ROOT = Path.of("..");
  private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");
  /** The key the dependency plugin's {@code properties} goal sets: groupId:artifactId:type. */
  private static final Pattern ARTIFACT_KEY = Pattern.compile("([^:]+):([^:]+):([^:]+)");

  @Test
  void readmeMavenSnippet_isACompletePomFragment() throws Exception {
    String snippet = ReadmeSnippets.xml("<argLine>");
    Document pom = inProject(snippet);
    Map<String, String> properties = properties(pom);

    Matcher reference = PROPERTY.matcher(snippet);
    while (reference.find()) {
      String name = reference.group(1);
      if (!properties.containsKey(name)) {
        assertArtifactProperty(pom, name);
      }
    }
  }

  @Test
  void readmeMavenSnippet_namesThisReactorsArtifactsAndVersion() throws Exception {
    Document pom = inProject(ReadmeSnippets.xml("<argLine>"));
    Map<String, String> properties = properties(pom);
    Document root = parse(Files.readString(ROOT.resolve("pom.xml")));
    Map<String, Document> modules = new HashMap<>();
    for (Node module : nodes(root, "/project/modules/module")) {
      Document modulePom = parse(Files.readString(ROOT.resolve(module.getTextContent()).resolve("pom.xml")));
      modules.put(text(modulePom, "/project/artifactId"), modulePom);
    }

    List<Node> ours = nodes(pom, "/project/dependencies/dependency[groupId='dev.offlinedebug']");
    assertFalse(ours.isEmpty(), "the snippet declares no offline-debug dependency");
    for (Node dependency : ours) {
      String artifactId = text(dependency, "artifactId");
      assertTrue(modules.containsKey(artifactId), artifactId + " is no module of " + modules.keySet());
      assertEquals(text(root, "/project/version"), resolve(text(dependency, "version"), properties), artifactId);
      assertEquals("test", text(dependency, "scope"), artifactId);
    }

    String argLine = text(pom, "/project/build/plugins/plugin[artifactId='maven-surefire-plugin']//argLine");
    Matcher agent = Pattern.compile("-javaagent:\\$\\{dev\\.offlinedebug:([^:]+):jar}=").matcher(argLine);
    assertTrue(agent.find(), "argLine has no -javaagent:${dev.offlinedebug:...:jar}=: " + argLine);
    Document agentPom = modules.get(agent.group(1));
    assertTrue(
        agentPom != null && !nodes(agentPom, "//manifestEntries/Premain-Class").isEmpty(),
        agent.group(1) + " is not the module that builds the agent jar");
  }

  @Test
  void readmeMavenSnippet_pluginVersionsAreThoseOfThisBuild() throws Exception {
    Document pom = inProject(ReadmeSnippets.xml("<argLine>"));
    Document root = parse(Files.readString(ROOT.resolve("pom.xml")));
    for (Node plugin : nodes(pom, "/project/build/plugins/plugin")) {
      String artifactId = text(plugin, "artifactId");
      String built = text(root, "/project/build/pluginManagement/plugins/plugin[artifactId='" + artifactId + "']/version");
      assertFalse(built.isEmpty(), artifactId + " is not in the root pom's pluginManagement");
      assertEquals(built, text(plugin, "version"), artifactId);
    }
  }

  /**
   * {@code name} is set by the dependency plugin's {@code properties} goal: the snippet runs that
   * goal and declares the dependency the key names.
   */
  private static void assertArtifactProperty(Document pom, String name) throws Exception {
    Matcher key = ARTIFACT_KEY.matcher(name);
    if (!key.matches()) {
      fail("${" + name + "} is neither a property of the snippet nor a groupId:artifactId:type key");
    }
    assertFalse(
        nodes(pom, "/project/build/plugins/plugin[artifactId='maven-dependency-plugin']"
            + "/executions/execution/goals[goal='properties']").isEmpty(),
        "${" + name + "} needs maven-dependency-plugin's properties goal in the snippet");
    String type = key.group(3);
    List<Node> declared = nodes(pom, "/project/dependencies/dependency[groupId='" + key.group(1)
        + "' and artifactId='" + key.group(2) + "']");
    boolean found = false;
    for (Node dependency : declared) {
      String declaredType = text(dependency, "type");
      found |= type.equals(declaredType.isEmpty() ? "jar" : declaredType);
    }
    assertTrue(found, "${" + name + "} names no dependency of the snippet");
  }

  private static Map<String, String> properties(Document pom) throws Exception {
    Map<String, String> properties = new HashMap<>();
    for (Node property : nodes(pom, "/project/properties/*")) {
      properties.put(property.getNodeName(), property.getTextContent().trim());
    }
    return properties;
  }

  private static String resolve(String value, Map<String, String> properties) {
    Matcher reference = PROPERTY.matcher(value);
    return reference.matches() ? properties.getOrDefault(reference.group(1), value) : value;
  }

  /** {@code snippet} where the README puts it: inside a pom's {@code <project>}. */
  private static Document inProject(String snippet) throws Exception {
    return parse("<project>\n" + snippet + "</project>\n");
  }

  /** Namespace-unaware, as the snippet carries no namespace and the root pom's is the default. */
  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  private static List<Node> nodes(Object context, String expression) throws XPathExpressionException {
    NodeList list =
        (NodeList) XPathFactory.newInstance().newXPath().evaluate(expression, context, XPathConstants.NODESET);
    return IntStream.range(0, list.getLength()).mapToObj(list::item).toList();
  }

  private static String text(Object context, String expression) throws XPathExpressionException {
    return XPathFactory.newInstance().newXPath().evaluate(expression, context).trim();
  }
}
