package dev.offlinedebug.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkerNamesTest {

  /** A marker as both frameworks have them: a name and the markers it refers to. */
  private record Node(String name, List<Node> referred) {}

  @Test
  void of_referencesAndCycles_eachNameOnceDepthFirst() {
    List<Node> audit = new ArrayList<>();
    Node root = new Node("AUDIT", audit);
    Node security = new Node("SECURITY", List.of(root));
    audit.add(security);
    audit.add(new Node("PII", List.of()));

    assertEquals(
        List.of("AUDIT", "SECURITY", "PII", "BILLING"),
        MarkerNames.of(List.of(root, new Node("BILLING", List.of()), security), Node::name, Node::referred));
  }

  @Test
  void of_noMarkers_empty() {
    assertEquals(List.of(), MarkerNames.of(null, Node::name, Node::referred));
  }
}
