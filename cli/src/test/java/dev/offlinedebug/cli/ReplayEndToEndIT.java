package dev.offlinedebug.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jdi.Location;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.StackFrame;
import com.sun.jdi.StringReference;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.ExceptionEvent;
import com.sun.jdi.request.EventRequest;
import com.sun.jdi.request.ExceptionRequest;
import dev.offlinedebug.Dump;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.model.FrameInfo;
import dev.offlinedebug.model.LocalVariable;
import dev.offlinedebug.model.OmittedValue;
import dev.offlinedebug.model.PrimitiveValue;
import dev.offlinedebug.model.StringValue;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From a logged exception to a debugger: the example application runs with the agent and the
 * Logback appender, the dump ID is taken from its log line, and {@code replay --jdwp} shows a JDI
 * client (set up as the attach instructions say) the frames and locals the application had.
 */
class ReplayEndToEndIT {
  private static final Pattern DUMP_ID = Pattern.compile("\\[dump (\\S+)\\]");
  private static final Pattern ATTACH = Pattern.compile(
      "waiting for a debugger on (\\S+):(\\d+)\\. Set an exception breakpoint on (\\S+) for uncaught exceptions only");

  @TempDir Path work;

  @Test
  void replay_loggedExceptionUnderDebuggerShowsTheApplicationsLocals() throws Exception {
    Path dumps = work.resolve("dumps");
    JarRunner.Result demo = new JarRunner(work).run("demo", "--dir", dumps.toString());
    assertEquals(0, demo.exit(), demo.toString());
    Matcher logged = DUMP_ID.matcher(demo.out());
    assertTrue(logged.find(), "the logged line carries the dump ID: " + demo);
    String id = logged.group(1);
    Dump dump = OfflineDebug.open(dumps).load(id);
    List<FrameInfo> frames = dump.exception().nthCause(1).orElseThrow().frames();
    assertTrue(frames.get(0).localsCaptured(), "the agent captured the locals of " + frames.get(0));

    Process replay = new JarRunner(work)
        .builder("replay", id, "--cause", "1", "--jdwp", "localhost:0", "--dir", dumps.toString())
        .redirectErrorStream(true).start();
    try {
      Matcher attach = attachLine(replay);
      VirtualMachine vm = JdwpAttach.attach(attach.group(1), attach.group(2));
      ExceptionRequest request = vm.eventRequestManager().createExceptionRequest(null, false, true);
      request.setSuspendPolicy(EventRequest.SUSPEND_ALL);
      request.enable();
      vm.resume();
      ExceptionEvent thrown = nextException(vm);

      assertEquals(attach.group(3), thrown.exception().referenceType().name());
      assertNull(thrown.catchLocation());
      for (int i = 0; i < frames.size(); i++) {
        assertFrame(frames.get(i), thrown.thread().frame(i));
      }
      StackFrame charge = thrown.thread().frame(0);
      assertEquals("dev.offlinedebug.examples.PaymentGateway", charge.location().declaringType().name());
      assertEquals("<redacted>", string(charge.getValue(charge.visibleVariableByName("apiToken"))));
      ObjectReference customer = (ObjectReference) charge.getValue(charge.visibleVariableByName("customer"));
      assertEquals("dev.offlinedebug.examples.Customer", customer.referenceType().name());
      assertEquals("C-1042", string(customer.getValue(customer.referenceType().fieldByName("id"))));
      assertEquals("<redacted>", string(customer.getValue(customer.referenceType().fieldByName("password"))));
      request.disable();
      vm.resume();
      assertTrue(replay.waitFor(5, TimeUnit.MINUTES), "the replay ends after the throwable left it");
      assertEquals(0, replay.exitValue());
    } finally {
      replay.destroyForcibly();
    }
  }

  private static Matcher attachLine(Process replay) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(replay.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      seen.append(line).append('\n');
      Matcher m = ATTACH.matcher(line);
      if (m.find()) {
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "replay-output");
        drain.setDaemon(true);
        drain.start();
        return m;
      }
    }
    throw new AssertionError("no attach instructions in: " + seen);
  }

  /** Class, method, source and line as in the dump; captured strings and primitives exactly. */
  private static void assertFrame(FrameInfo expected, StackFrame frame) throws Exception {
    Location location = frame.location();
    String where = expected.toStackTraceElement().toString();
    assertEquals(List.of(expected.className(), expected.methodName(), expected.fileName(), expected.line()),
        List.of(location.declaringType().name(), location.method().name(), location.sourceName(), location.lineNumber()),
        where);
    List<String> names = new ArrayList<>();
    for (LocalVariable local : expected.locals()) {
      if (local.name().equals("this")) {
        assertNotNull(frame.thisObject(), where);
        continue;
      }
      names.add(local.name());
      com.sun.jdi.Value actual = frame.getValue(frame.visibleVariableByName(local.name()));
      if (local.value() instanceof StringValue s && !s.truncated()) {
        assertEquals(s.value(), string(actual), where + " " + local.name());
      } else if (local.value() instanceof OmittedValue o) {
        assertEquals(o.reason().marker(), string(actual), where + " " + local.name());
      } else if (local.value() instanceof PrimitiveValue p && !p.type().contains(".")) {
        assertEquals(String.valueOf(p.value()), actual.toString(), where + " " + local.name());
      }
    }
    assertEquals(names, frame.visibleVariables().stream().map(com.sun.jdi.LocalVariable::name).toList(), where);
  }

  private static String string(com.sun.jdi.Value value) {
    return assertInstanceOf(StringReference.class, value).value();
  }

  private static ExceptionEvent nextException(VirtualMachine vm) throws InterruptedException {
    while (true) {
      EventSet events = vm.eventQueue().remove();
      for (Event event : events) {
        if (event instanceof ExceptionEvent e) {
          return e;
        }
      }
      events.resume();
    }
  }
}
