package dev.offlinedebug.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.offlinedebug.Dump;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.spi.DumpWriter;
import dev.offlinedebug.spi.LoggedEvent;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Throwables whose own methods throw while they are captured. */
class HostileThrowableTest {
  @TempDir Path dir;

  @Test
  void write_getMessageThrowsIOException_dumpWrittenAndNoDiskFailureReported() throws IOException {
    Dump dump = writeAndLoad(new Throwing(new IOException("sneaky")));

    assertEquals("<unavailable>", dump.exception().root().message());
    assertEquals(Throwing.class.getName(), dump.exception().root().type());
  }

  @Test
  void write_getMessageThrowsError_onlyTheMessageIsUnavailable() throws IOException {
    Throwing thrown = new Throwing(new AssertionError("from getMessage"));
    thrown.initCause(new IllegalStateException("the cause"));

    Dump dump = writeAndLoad(thrown);

    ThrowableInfo root = dump.exception().root();
    assertEquals("<unavailable>", root.message());
    assertEquals(thrown.getStackTrace().length, root.frames().size());
    assertEquals("the cause", dump.exception().cause(root).orElseThrow().message());
  }

  private Dump writeAndLoad(Throwable thrown) throws IOException {
    StoreTests.Reports reports = new StoreTests.Reports();
    String id;
    try (DumpWriter writer = DumpWriter.open(StoreTests.noDedup(dir), reports)) {
      id = writer.write(thrown, LoggedEvent.standalone());
    }
    assertNotNull(id, reports.messages.toString());
    assertEquals(0, reports.messages.size(), reports.messages.toString());
    return OfflineDebug.open(dir).load(id);
  }

  /** Throws {@code failure} from {@code getMessage} and {@code toString}, checked or not. */
  private static final class Throwing extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Throwable failure;

    Throwing(Throwable failure) {
      this.failure = failure;
    }

    @Override
    public String getMessage() {
      throw HostileThrowableTest.<RuntimeException>sneaky(failure);
    }

    @Override
    public String toString() {
      return getClass().getName() + ": " + getMessage();
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E sneaky(Throwable failure) throws E {
    throw (E) failure;
  }
}
