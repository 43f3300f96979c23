package dev.offlinedebug.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.offlinedebug.agent.UnwindOutput.Case;
import dev.offlinedebug.agent.UnwindOutput.Frame;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code fixture.agent.UnwindCases} once in a child JVM with the built agent jar and the
 * fixtures plus core on its class path, then checks what {@code UnwindRecorder.take} returned,
 * frame by frame: names, declared types and exact values.
 */
class LocalsCaptureIT {
  private static final String BASICS = "fixture.agent.Basics";
  private static final String STRUCTURES = "fixture.agent.Structures";
  private static final String FAIL = BASICS + "#fail";

  @TempDir
  static Path work;
  static ChildJvm.Result result;
  static UnwindOutput output;

  @BeforeAll
  static void runCases() throws Exception {
    Path generated = work.resolve("generated");
    GeneratedFixtures.writeLargeMethod(generated, "fixture.generated.Huge", 65_530);
    GeneratedFixtures.writeLargeMethod(generated, "fixture.generated.NearHuge", 7_998);
    GeneratedFixtures.writeLargeMethod(generated, "fixture.generated.Small", 101);
    GeneratedFixtures.compileWithoutDebugInfo(generated);
    result = ChildJvm.run("include=fixture.*;exclude=fixture.agent.UnwindCases*;verbose=true",
        ChildJvm.applicationClassPath(generated), "fixture.agent.UnwindCases",
        List.of("fixture.generated.Huge", "fixture.generated.NearHuge", "fixture.generated.Small",
            "fixture.nog.NoDebug"), work);
    output = UnwindOutput.parse(result.stdout());
  }

  @Test
  void agent_recorderOnBootstrapClassPathWithCoreOnApplicationClassPath() {
    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals("true", output.info.get("agentActive"));
    assertEquals("null", output.info.get("recorderLoader"));
    assertFalse(result.stderr().contains("unchanged"), result.stderr());
    assertFalse(result.stderr().contains("VerifyError"), result.stderr());
  }

  /**
   * The recorder's jar is extracted at start and deleted once the JVM holds it open: a JVM killed
   * before it exits (where a delete at exit never runs) leaves nothing in the temporary directory.
   */
  @Test
  void agent_leavesNoFileInTheTemporaryDirectoryWhileRunning() throws Exception {
    assertEquals("[]", output.info.get("agentFilesInTemp"));
    assertEquals("dev.offlinedebug.locals", output.info.get("recorderPackage"));
    try (Stream<Path> left = Files.list(work.resolve("tmp"))) {
      assertEquals(List.of(), left.toList());
    }
  }

  @Test
  void take_staticAndInstanceMethods() {
    Case basics = output.get("basics");
    assertFrames(basics, BASICS + "#instanceInner", BASICS + "#staticOuter");
    assertLocals(basics.frames.get(0), "this:fixture.agent.Basics=<fixture.agent.Basics>",
        "text:java.lang.String=\"n=3\"", "times:int=7", "length:int=21",
        "missing:java.lang.Object=null");
    assertLocals(basics.frames.get(1), "n:int=3", "text:java.lang.String=\"n=3\"");
    assertEquals("0", basics.info.get("takenAgain"));
    assertTrue(basics.frames.get(0).line() > 0);
  }

  @Test
  void take_longDoubleAndNarrowPrimitives() {
    Case wide = output.get("wide");
    assertFrames(wide, FAIL, BASICS + "#wideSlots");
    assertLocals(wide.frames.get(1), "a:long=1099511627776", "b:int=41", "c:double=5.0",
        "d:long=2199023255552", "e:double=2.5", "f:int=42", "g:float=1.5", "h:boolean=true",
        "i:char=x");
  }

  @Test
  void take_loopVariablesWithoutCompilerTemporaries() {
    Case loops = output.get("loops");
    assertFrames(loops, FAIL, BASICS + "#loops");
    assertLocals(loops.frames.get(1),
        "words:java.util.List=<" + List.of("go", "stop").getClass().getName() + ">",
        "total:int=6", "i:int=3", "word:java.lang.String=\"stop\"");
  }

  @Test
  void take_laterAndEndedScopesAbsent() {
    Case later = output.get("later");
    assertFrames(later, FAIL, BASICS + "#laterDeclared");
    assertLocals(later.frames.get(1), "first:int=5");
  }

  @Test
  void take_switchOnIntAndString() {
    Case switches = output.get("switch");
    assertFrames(switches, FAIL, BASICS + "#switches");
    assertLocals(switches.frames.get(1), "kind:int=2", "name:java.lang.String=\"boom\"",
        "two:java.lang.String=\"second boom\"");
  }

  @Test
  void take_recursionOneFramePerActivation() {
    Case recursion = output.get("recursion");
    String recurse = BASICS + "#recurse";
    assertFrames(recursion, FAIL, recurse, recurse, recurse, recurse);
    for (int depth = 0; depth <= 3; depth++) {
      assertLocals(recursion.frames.get(depth + 1), "n:int=" + depth);
    }
    int callLine = recursion.frames.get(2).line();
    assertTrue(callLine > 0);
    assertNotEquals(callLine, recursion.frames.get(1).line());
    assertEquals(callLine, recursion.frames.get(4).line());
  }

  @Test
  void take_constructorAfterSuper() {
    Case constructor = output.get("constructor");
    assertFrames(constructor, FAIL, STRUCTURES + "$Built#<init>", STRUCTURES + "#construct");
    assertLocals(constructor.frames.get(1), "this:fixture.agent.Structures$Built="
        + "<fixture.agent.Structures$Built>", "value:int=4", "doubled:int=8");
    assertLocals(constructor.frames.get(2), "value:int=4");
  }

  @Test
  void take_constructorNotRecordedBeforeSuper() {
    Case beforeSuper = output.get("beforeSuper");
    assertFrames(beforeSuper, FAIL, STRUCTURES + "$Built#prepare", STRUCTURES + "#construct");
    assertLocals(beforeSuper.frames.get(1), "value:int=-6", "negative:int=6");
  }

  @Test
  void take_staticInitialiserSkipped() {
    Case staticInit = output.get("staticInit");
    assertFrames(staticInit, FAIL, STRUCTURES + "#initHelper");
    assertLocals(staticInit.frames.get(1), "input:int=5", "squared:int=25");
    assertEquals("1", staticInit.info.get("outerFrames"));
  }

  @Test
  void take_lambdaBodyAndEnclosingMethod() {
    Case lambda = output.get("lambda");
    assertEquals(2, lambda.frames.size(), lambda.frames::toString);
    Frame body = lambda.frames.get(0);
    assertTrue(body.methodName().startsWith("lambda$"), body::toString);
    assertLocals(body, "offset:int=2", "s:java.lang.String=\"x1\"", "length:int=4");
    Frame enclosing = lambda.frames.get(1);
    assertEquals(STRUCTURES + "#lambda", enclosing.className() + "#" + enclosing.methodName());
    assertEquals(List.of("text:java.lang.String=\"x1\"", "offset:int=2"),
        enclosing.describe().subList(0, 2));
    assertTrue(enclosing.describe().get(2).startsWith(
        "parse:java.util.function.Function=<fixture.agent.Structures$$Lambda"), enclosing::toString);
  }

  @Test
  void take_synchronizedMethodReleasesMonitor() {
    Case sync = output.get("syncMethod");
    assertFrames(sync, FAIL, STRUCTURES + "#synchronizedMethod");
    assertLocals(sync.frames.get(1), "this:fixture.agent.Structures=<fixture.agent.Structures>",
        "value:int=8", "inside:int=9");
    assertEquals("false", output.get("syncMethodAgain").info.get("holdsInstance"));
  }

  @Test
  void take_synchronizedBlockLocalsInsideBlockAndMonitorReleased() {
    Case block = output.get("syncBlock");
    assertFrames(block, FAIL, STRUCTURES + "#synchronizedBlock");
    assertLocals(block.frames.get(1), "lock:java.lang.Object=<java.lang.Object>", "value:int=30",
        "before:int=30", "inside:int=31");
    assertEquals("false", block.info.get("holdsLock"));
  }

  @Test
  void take_nestedTryFinallyRunsEachFinallyOnce() {
    Case nested = output.get("nestedFinally");
    assertFrames(nested, FAIL, STRUCTURES + "#nestedFinally");
    assertLocals(nested.frames.get(1), "value:int=20", "outer:int=20", "middle:int=21",
        "inner:int=22");
    assertEquals("2", nested.info.get("finallyRuns"));
  }

  @Test
  void take_ownCatchKeepsPriority() {
    assertEquals("50", output.get("ownCatch").info.get("result"));
    Case wrapped = output.get("wrapInCatch");
    assertEquals("java.lang.IllegalArgumentException: wrapped 109", wrapped.info.get("thrown"));
    assertFrames(wrapped, STRUCTURES + "#wrapInCatch");
    assertLocals(wrapped.frames.get(0), "value:int=9", "kept:int=9",
        "e:java.lang.IllegalStateException=<java.lang.IllegalStateException>", "handled:int=109");
  }

  @Test
  void take_interfaceDefaultMethod() {
    Case greet = output.get("defaultMethod");
    assertFrames(greet, FAIL, "fixture.agent.ModernTypes$Greeter#greet");
    assertLocals(greet.frames.get(1),
        "this:fixture.agent.ModernTypes$Greeter=<fixture.agent.ModernTypes$Polite>",
        "who:java.lang.String=\"ann\"", "length:int=3");
  }

  @Test
  void take_recordCompactConstructorAndMethod() {
    Case constructor = output.get("recordConstructor");
    assertFrames(constructor, FAIL, "fixture.agent.ModernTypes$Point#<init>");
    assertLocals(constructor.frames.get(1),
        "this:fixture.agent.ModernTypes$Point=Point[x=0, y=0]", "x:int=-1", "y:int=2");
    Case method = output.get("recordMethod");
    assertFrames(method, "fixture.agent.ModernTypes$Point#area");
    assertLocals(method.frames.get(0), "this:fixture.agent.ModernTypes$Point=Point[x=3, y=4]",
        "scale:int=2", "raw:int=12");
  }

  @Test
  void take_enumConstantBody() {
    Case operation = output.get("enum");
    assertFrames(operation, "fixture.agent.ModernTypes$Operation$1#apply",
        "fixture.agent.ModernTypes#applyOperation");
    assertLocals(operation.frames.get(0),
        "this:fixture.agent.ModernTypes$Operation$1=DIVIDE", "a:int=7", "b:int=0");
    assertLocals(operation.frames.get(1),
        "operation:fixture.agent.ModernTypes$Operation=DIVIDE", "a:int=7", "b:int=0");
  }

  @Test
  void take_fromAnotherThread() {
    assertRecursedOnce(output.get("otherThread"));
  }

  @Test
  void take_fromAnotherThreadAfterRecordingThreadEndedAndGc() {
    Case ended = output.get("endedThreadAfterGc");
    assertRecursedOnce(ended);
    assertEquals("0", ended.info.get("takenAgain"));
  }

  /** The frames of {@code Basics.recurse(1)}, thrown on a thread that has since ended. */
  private static void assertRecursedOnce(Case recursed) {
    assertFrames(recursed, FAIL, BASICS + "#recurse", BASICS + "#recurse");
    assertLocals(recursed.frames.get(1), "n:int=0");
    assertLocals(recursed.frames.get(2), "n:int=1");
  }

  @Test
  void take_sharedFastThrowExceptionGetsNoRecords() {
    Case fastThrow = output.get("fastThrow");
    assertEquals("true", fastThrow.info.get("sharedSeen"), "HotSpot never threw its shared exception");
    assertEquals("0", fastThrow.info.get("sharedFrames"));
  }

  @Test
  void instrument_methodsThatWouldExceedSizeLimitsSkipped() {
    for (String name : List.of("fixture.generated.Huge", "fixture.generated.NearHuge")) {
      Case large = output.get(name);
      assertEquals("java.lang.IllegalStateException: large "
          + (name.endsWith("NearHuge") ? 7_998 : 65_530), large.info.get("thrown"));
      assertFrames(large, name + "#run");
      assertLocals(large.frames.get(0), "local0:int=11");
    }
    assertTrue(result.stderr().contains("skippedTooLarge=2"), result.stderr());
    Case small = output.get("fixture.generated.Small");
    assertFrames(small, "fixture.generated.Small#big", "fixture.generated.Small#run");
    assertLocals(small.frames.get(0), "arg0:int=" + (11 + (101 - 11) / 3));
  }

  @Test
  void take_classCompiledWithoutDebugInformation() {
    Case noDebug = output.get("fixture.nog.NoDebug");
    assertFrames(noDebug, "fixture.nog.NoDebug#compute", "fixture.nog.NoDebug#run");
    assertLocals(noDebug.frames.get(0), "this:fixture.nog.NoDebug=<fixture.nog.NoDebug>",
        "arg0:int=4", "arg1:java.lang.String=\"text\"", "local3:long=4000",
        "local5:java.lang.String=\"text4000\"");
    assertLocals(noDebug.frames.get(1));
    assertEquals(-1, noDebug.frames.get(0).line());
  }

  private static void assertFrames(Case recorded, String... expected) {
    List<String> actual = recorded.frames.stream()
        .map(frame -> frame.className() + "#" + frame.methodName()).toList();
    assertEquals(List.of(expected), actual, () -> "frames " + recorded.frames + " info "
        + recorded.info + "\nstderr: " + result.stderr());
  }

  private static void assertLocals(Frame frame, String... expected) {
    assertEquals(List.of(expected), frame.describe(), frame::toString);
  }
}
