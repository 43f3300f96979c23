package dev.offlinedebug.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.jdi.Bootstrap;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.AttachingConnector;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.ExceptionEvent;
import com.sun.jdi.event.VMDisconnectEvent;
import com.sun.jdi.request.EventRequest;
import com.sun.jdi.request.ExceptionRequest;
import dev.offlinedebug.Dump;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.testing.FileTraps;
import dev.offlinedebug.testing.SampleDumpFiles;
import dev.offlinedebug.testing.SampleDumps;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A JDI client (what IDE debuggers sit on) attached to a replay JVM sees the dump's frames. */
class ReplayUnderJdiTest {
  @ParameterizedTest
  @CsvSource({"order, 0", "order, 1", "edge, 0", "retry, 0"})
  void replay_debuggerSeesOriginalFramesAndLocals(String sample, int cause, @TempDir Path directory) throws Exception {
    Path file = SampleDumpFiles.write(SampleDumps.named(sample), directory);
    Dump dump = OfflineDebug.load(file);
    ThrowableInfo replayed = dump.exception().nthCause(cause).orElseThrow();
    String thrownType = ReplayLauncher.exceptionBreakpoint(dump, cause);
    List<String> output = new CopyOnWriteArrayList<>();
    ReplayLauncher launcher = ReplayLauncher.start("localhost:0",
        List.of("--file", file.toString(), "--cause", String.valueOf(cause)), thrownType, output::add);
    String instructions = launcher.attachInstructions();
    assertTrue(instructions.contains("jdb -attach " + launcher.address() + ", then: catch uncaught " + thrownType),
        instructions);
    VirtualMachine vm = attach(launcher.address());
    try {
      ExceptionRequest request = vm.eventRequestManager().createExceptionRequest(null, false, true);
      request.setSuspendPolicy(EventRequest.SUSPEND_ALL);
      request.enable();
      vm.resume();

      ExceptionEvent event = nextException(vm);

      assertEquals(thrownType, event.exception().referenceType().name());
      assertNull(event.catchLocation(), "the replayed throwable leaves main uncaught");
      JdiFrameAssertions assertions = new JdiFrameAssertions(dump.exception());
      if (cause == 0) {
        assertions.logged(event.exception());
      }
      assertions.assertFrames(replayed, event.thread());
      request.disable();
      vm.resume();
      assertEquals(1, launcher.waitFor(), "the uncaught throwable ends the replay JVM");
    } finally {
      launcher.process().destroyForcibly();
    }
  }

  static VirtualMachine attach(String address) throws Exception {
    AttachingConnector connector = Bootstrap.virtualMachineManager().attachingConnectors().stream()
        .filter(c -> c.name().equals("com.sun.jdi.SocketAttach"))
        .findFirst().orElseThrow();
    Map<String, Connector.Argument> arguments = connector.defaultArguments();
    int colon = address.lastIndexOf(':');
    arguments.get("hostname").setValue(address.substring(0, colon));
    arguments.get("port").setValue(address.substring(colon + 1));
    return connector.attach(arguments);
  }

  /** The next exception event; fails when the replay JVM ends first or hangs (a guard, no time bound). */
  static ExceptionEvent nextException(VirtualMachine vm) throws InterruptedException {
    while (true) {
      EventSet events = vm.eventQueue().remove(TimeUnit.SECONDS.toMillis(FileTraps.HANG_GUARD_SECONDS));
      if (events == null) {
        fail("the replay JVM hung before throwing");
      }
      for (Event event : events) {
        if (event instanceof ExceptionEvent exception) {
          return exception;
        }
        if (event instanceof VMDisconnectEvent) {
          fail("the replay JVM ended without throwing");
        }
      }
      events.resume();
    }
  }
}
