package dev.offlinedebug.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jdi.StackFrame;
import com.sun.jdi.StringReference;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.event.ExceptionEvent;
import com.sun.jdi.request.EventRequest;
import com.sun.jdi.request.ExceptionRequest;
import dev.offlinedebug.Dump;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.rebuild.RebuiltThrowable;
import dev.offlinedebug.testing.FileTraps;
import dev.offlinedebug.testing.SampleDumpFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replaying a dump whose values claim JDK types that touch files or start threads when built from
 * text leaves every file as it was, in this JVM and in a replay JVM under a debugger; the debugger
 * sees those values as their text.
 */
class CraftedDumpReplayTest {
  @TempDir Path traps;
  @TempDir Path dumps;

  @Test
  void replay_inThisJvmTouchesNoFile() throws Exception {
    FileTraps files = FileTraps.in(traps, false);
    Path file = SampleDumpFiles.write(files.dump(), dumps);

    RebuiltThrowable thrown = assertThrows(RebuiltThrowable.class, () -> OfflineDebug.replay(file, 0));

    assertEquals("com.acme.trap.ImportFailure: import failed", thrown.toString());
    files.assertUntouched();
  }

  @Test
  void replay_underDebuggerTouchesNoFileAndShowsText() throws Exception {
    FileTraps files = FileTraps.in(traps, true);
    Path file = SampleDumpFiles.write(files.dump(), dumps);
    Dump dump = OfflineDebug.load(file);
    String thrownType = ReplayLauncher.exceptionBreakpoint(dump, 0);
    List<String> output = new CopyOnWriteArrayList<>();
    ReplayLauncher launcher =
        ReplayLauncher.start("localhost:0", List.of("--file", file.toString()), thrownType, output::add);
    try {
      VirtualMachine vm = ReplayUnderJdiTest.attach(launcher.address());
      ExceptionRequest request = vm.eventRequestManager().createExceptionRequest(null, false, true);
      request.setSuspendPolicy(EventRequest.SUSPEND_ALL);
      request.enable();
      vm.resume();

      ExceptionEvent event = ReplayUnderJdiTest.nextException(vm);

      new JdiFrameAssertions(dump.exception()).assertFrames(dump.exception().root(), event.thread());
      StackFrame innermost = event.thread().frame(0);
      for (Map.Entry<String, String> trap : files.textByType().entrySet()) {
        String simple = trap.getKey().substring(trap.getKey().lastIndexOf('.') + 1);
        String local = Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
        StringReference shown = assertInstanceOf(StringReference.class,
            innermost.getValue(innermost.visibleVariableByName(local)), local);
        assertEquals(trap.getValue(), shown.value(), local);
      }
      request.disable();
      vm.resume();
      assertTrue(launcher.process().waitFor(FileTraps.HANG_GUARD_SECONDS, TimeUnit.SECONDS),
          "the replay JVM ends (no thread of the dump keeps it alive): " + output);
      assertEquals(1, launcher.process().exitValue(), "the uncaught throwable ends the replay JVM: " + output);
      files.assertUntouched();
    } finally {
      launcher.process().destroyForcibly();
    }
  }
}
