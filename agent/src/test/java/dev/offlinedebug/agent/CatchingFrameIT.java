package dev.offlinedebug.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.offlinedebug.agent.UnwindOutput.Case;
import dev.offlinedebug.agent.UnwindOutput.Frame;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code fixture.agent.HandlerCases} in a child JVM with and without the agent: the frame
 * that catches gets its locals recorded before its handler runs, block-scoped locals are recorded
 * as the throwable passed, and everything the program does is the same with the agent as without.
 */
class CatchingFrameIT {
  private static final String HANDLERS = "fixture.agent.Handlers";
  private static final String FAIL = "fixture.agent.Basics#fail";

  @TempDir
  static Path work;
  static ChildJvm.Result plain;
  static ChildJvm.Result agent;
  static UnwindOutput output;

  @BeforeAll
  static void runCases() throws Exception {
    plain = ChildJvm.run(null, ChildJvm.applicationClassPath(), "fixture.agent.HandlerCases",
        List.of(), Files.createDirectories(work.resolve("plain")));
    agent = ChildJvm.run("include=fixture.*;exclude=fixture.agent.*Cases*;verbose=true",
        ChildJvm.applicationClassPath(), "fixture.agent.HandlerCases", List.of(),
        Files.createDirectories(work.resolve("agent")));
    output = UnwindOutput.parse(agent.stdout());
  }

  @Test
  void agent_sameControlFlowAsWithout() {
    assertEquals(0, plain.exitCode(), plain.stderr());
    assertEquals(0, agent.exitCode(), agent.stderr());
    assertFalse(agent.stderr().contains("VerifyError"), agent.stderr());
    assertFalse(agent.stderr().contains("unchanged"), agent.stderr());
    assertEquals(flow(plain.stdout()), flow(agent.stdout()));
  }

  @Test
  void take_catchingFrameLocalsBeforeItsHandlerRan() {
    Case caught = output.get("catchAndLog");
    assertFrames(caught, FAIL, HANDLERS + "#catchAndLog");
    assertLocals(caught.frames.get(1), "id:int=5", "customer:java.lang.String=\"ann\"",
        "amounts:int[]=<[I>", "attempt:int=10");
  }

  @Test
  void take_loopVariablesInsideTry() {
    Case loop = output.get("loopInTry");
    assertFrames(loop, FAIL, HANDLERS + "#loopInTry");
    assertLocals(loop.frames.get(1), "prefix:java.lang.String=\"item\"", "i:int=2",
        "item:java.lang.String=\"item2\"");
  }

  @Test
  void take_switchArmLocalsInsideTry() {
    Case arm = output.get("switchArmInTry");
    assertFrames(arm, FAIL, HANDLERS + "#switchArmInTry");
    assertLocals(arm.frames.get(1), "kind:int=2", "arm:java.lang.String=\"arm2\"",
        "wide:long=2000000000000");
  }

  @Test
  void take_synchronizedBlockLocalsAndMonitorReleasedBeforeHandler() {
    Case sync = output.get("synchronizedInTry");
    assertFrames(sync, FAIL, HANDLERS + "#synchronizedInTry");
    assertLocals(sync.frames.get(1), "lock:java.lang.Object=<java.lang.Object>", "value:int=6",
        "held:int=7");
    assertEquals(List.of("flow holdsLock=false", "flow returned released"), flowOf("synchronizedInTry"));
  }

  @Test
  void take_nestedTryMultiCatchOneFrame() {
    Case order = output.get("handlerOrder");
    assertFrames(order, FAIL, HANDLERS + "#handlerOrder");
    assertLocals(order.frames.get(1), "n:int=1", "inner:int=2");
  }

  @Test
  void take_rethrownFromCatchOneFrameWithCatchBlockLocalsAdded() {
    Case rethrown = output.get("rethrowFromCatch");
    assertFrames(rethrown, FAIL, HANDLERS + "#rethrowFromCatch");
    assertLocals(rethrown.frames.get(1), "value:int=10", "inTry:int=11",
        "e:java.lang.IllegalStateException=<java.lang.IllegalStateException>", "inCatch:int=12");
  }

  @Test
  void take_finallyRethrowOneFrame() {
    Case rethrown = output.get("finallyOnce");
    assertFrames(rethrown, FAIL, HANDLERS + "#finallyOnce");
    assertLocals(rethrown.frames.get(1), "value:int=4", "inTry:int=12");
  }

  @Test
  void take_recursionThroughTryThatDoesNotMatchOneFramePerActivation() {
    Case recursion = output.get("recurseThroughTry");
    String recurse = HANDLERS + "#recurseThroughTry";
    assertFrames(recursion, FAIL, recurse, recurse, recurse);
    for (int n = 0; n <= 2; n++) {
      assertLocals(recursion.frames.get(n + 1), "n:int=" + n, "depth:int=" + n * 10);
    }
  }

  @Test
  void take_tryWithResourcesLocalsAndSuppressedKept() {
    Case resources = output.get("withResources");
    assertFrames(resources, FAIL, HANDLERS + "#withResources");
    String resource = "fixture.agent.Handlers$Resource=<fixture.agent.Handlers$Resource>";
    assertLocals(resources.frames.get(1), "value:int=8", "first:" + resource,
        "second:" + resource, "used:int=8");
  }

  @Test
  void take_rootCauseLoggedAloneGetsOuterFramesFromItsWrapper() {
    Case cause = output.get("controller");
    assertEquals("java.lang.IllegalStateException: declined bob/orders/4229",
        cause.info.get("thrown"));
    assertFrames(cause, FAIL, HANDLERS + "#charge", HANDLERS + "#placeOrder",
        HANDLERS + "#service", HANDLERS + "#controller");
    assertLocals(cause.frames.get(2), "user:java.lang.String=\"bob/orders/42\"",
        "quantity:int=3", "sku:java.lang.String=\"SKU-3\"");
    assertLocals(cause.frames.get(3), "user:java.lang.String=\"bob\"", "requestId:int=42",
        "route:java.lang.String=\"/orders/42\"");
    assertLocals(cause.frames.get(4), "user:java.lang.String=\"bob\"", "requestId:int=42");
  }

  /** The flow lines the case printed, up to the next case. */
  private static List<String> flowOf(String caseName) {
    List<String> lines = Arrays.asList(agent.stdout().split("\n"));
    int start = lines.indexOf("case " + caseName) + 1;
    int end = start;
    while (end < lines.size() && !lines.get(end).startsWith("case ")) {
      end++;
    }
    return lines.subList(start, end).stream().filter(line -> line.startsWith("flow ")).toList();
  }

  private static List<String> flow(String stdout) {
    return Arrays.stream(stdout.split("\n"))
        .filter(line -> line.startsWith("flow ") || line.startsWith("case ")
            || line.startsWith("info thrown="))
        .toList();
  }

  private static void assertFrames(Case recorded, String... expected) {
    List<String> actual = recorded.frames.stream()
        .map(frame -> frame.className() + "#" + frame.methodName()).toList();
    assertEquals(List.of(expected), actual, () -> "frames " + recorded.frames + " info "
        + recorded.info + "\nstderr: " + agent.stderr());
  }

  private static void assertLocals(Frame frame, String... expected) {
    assertEquals(List.of(expected), frame.describe(), frame::toString);
  }
}
