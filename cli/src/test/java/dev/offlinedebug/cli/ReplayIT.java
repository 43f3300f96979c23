package dev.offlinedebug.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.Failures;
import com.sun.jdi.StackFrame;
import com.sun.jdi.StringReference;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.ExceptionEvent;
import com.sun.jdi.request.EventRequest;
import com.sun.jdi.request.ExceptionRequest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayIT {
  @TempDir Path work;

  @Test
  void replay_inProcessThrowsThroughTheOriginalFrames() throws Exception {
    Path dir = work.resolve("dumps");
    String id;
    try (StoreFixture store = StoreFixture.open(dir)) {
      id = store.write(Failures.declined("C-1042", 33_790));
    }
    JarRunner.Result result = new JarRunner(work).run("replay", id, "--cause", "1", "--dir", dir.toString());
    assertEquals(0, result.exit(), result.toString());
    assertTrue(result.out().startsWith("Replaying java.lang.IllegalStateException of dump " + id + " in this JVM,"
        + " which no debugger can attach to: its stack trace follows;"
        + " to stop in the original frames under a debugger, replay with --jdwp HOST:PORT.\n"), result.toString());
    assertTrue(result.out().contains("card declined for C-1042"), result.toString());
    assertTrue(result.out().contains("\tat com.acme.shop.Failures.charge(Failures.java:"), result.toString());
  }

  @Test
  void replay_jdwpDebuggerStopsWithOriginalLocals() throws Exception {
    Path dir = work.resolve("dumps");
    String id;
    try (StoreFixture store = StoreFixture.open(dir)) {
      id = store.write(Failures.declined("C-1042", 33_790));
    }
    Path err = work.resolve("replay-stderr.txt");
    Process replay = new JarRunner(work)
        .builder("replay", id, "--cause", "1", "--jdwp", "localhost:0", "--dir", dir.toString())
        .redirectError(err.toFile()).start();
    String out;
    try {
      out = debugReplay(replay);
    } finally {
      replay.destroyForcibly();
    }
    // The replay JVM's console is the user's: the attach line and the replayed stack trace only, not
    // the start-up lines of the libraries that load the dump nor the JDWP server listening again
    // after the debugger detached.
    String console = "--- stdout\n" + out + "--- stderr\n" + Files.readString(err, StandardCharsets.UTF_8);
    for (String noise : List.of("SLF4J", "Unable to determine max direct memory", "Listening for transport", "WARNING")) {
      assertFalse(console.contains(noise), noise + ": " + console);
    }
    assertTrue(console.contains("Exception in thread \"main\" java.lang.IllegalStateException: card declined for C-1042"),
        console);
  }

  /**
   * Attaches to the replay JVM as a debugger and checks it stops in the original frame with its
   * locals; returns all the replay printed on its standard output.
   */
  static String debugReplay(Process replay) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(replay.getInputStream(), StandardCharsets.UTF_8));
    Matcher attach = null;
    StringBuilder seen = new StringBuilder();
    Pattern attachLine = Pattern.compile("waiting for a debugger on (\\S+):(\\d+)\\.");
    while (attach == null) {
      String line = out.readLine();
      if (line == null) {
        break;
      }
      seen.append(line).append('\n');
      Matcher m = attachLine.matcher(line);
      attach = m.find() ? m : null;
    }
    assertNotNull(attach, "the attach line: " + seen);
    assertTrue(seen.toString().contains("java.lang.IllegalStateException"), seen.toString());

    VirtualMachine vm = JdwpAttach.attach(attach.group(1), attach.group(2));
    ExceptionRequest request = vm.eventRequestManager().createExceptionRequest(null, true, true);
    request.setSuspendPolicy(EventRequest.SUSPEND_ALL);
    request.enable();
    vm.resume();
    ExceptionEvent thrown = null;
    for (int waits = 0; thrown == null; waits++) {
      EventSet events = vm.eventQueue().remove(1000);
      if (events == null) {
        assertTrue(waits < 600, "no exception event from the replay JVM");
        continue;
      }
      for (Event event : events) {
        if (event instanceof ExceptionEvent e
            && e.exception().referenceType().name().equals("java.lang.IllegalStateException")
            && e.location().declaringType().name().equals("com.acme.shop.Failures")) {
          thrown = e;
        }
      }
      if (thrown == null) {
        events.resume();
      }
    }
    StackFrame top = thrown.thread().frame(0);
    assertEquals("com.acme.shop.Failures", top.location().declaringType().name());
    assertEquals("charge", top.location().method().name());
    assertEquals("C-1042", ((StringReference) top.getValue(top.visibleVariableByName("customer"))).value());
    vm.dispose();
    assertTrue(replay.waitFor(5, TimeUnit.MINUTES));
    assertEquals(0, replay.exitValue());
    out.lines().forEach(line -> seen.append(line).append('\n'));
    return seen.toString();
  }
}
