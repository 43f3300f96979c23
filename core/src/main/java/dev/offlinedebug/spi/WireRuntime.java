package dev.offlinedebug.spi;

import dev.offlinedebug.Dump;
import dev.offlinedebug.internal.codec.DumpCodec;
import dev.offlinedebug.model.FrameInfo;
import dev.offlinedebug.model.ThreadInfo;
import dev.offlinedebug.model.ThrowableGraph;
import dev.offlinedebug.model.ThrowableInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.openhft.chronicle.core.Jvm;

/**
 * Loads Chronicle Wire for the reading side (loader, CLI) once, on a daemon thread named {@code
 * offline-debug-init}, so a reader can start it early and wait for it later; its slow class
 * initialisation takes about half a second. Writing never uses this: the write path is plain Java
 * ({@link RecordBuffer}) and loads no Chronicle class, so an application that only logs never
 * starts this thread.
 *
 * <p>Before Chronicle loads, its analytics are switched off and its {@code system.properties} lookup in
 * the working directory is pointed at {@code /dev/null} (where it exists), unless the application
 * configured either itself: a stray {@code system.properties} must not change the host's system
 * properties.
 *
 * <p>What remains: Chronicle logs a few lines through SLF4J while it loads (one at ERROR, saying
 * it "may require command line arguments"; it does not, for on-heap wire encoding), on this
 * thread, so a host can filter them by the thread name {@code offline-debug-init} or the logger
 * {@code net.openhft}. On JDK 25 the JVM warns once that {@code sun.misc.Unsafe} is used. A process
 * whose console is the user's (the CLI, the replay JVM) reads {@linkplain #quietly quietly} instead.
 */
public final class WireRuntime {
  private static final String NO_PROPERTIES = "/dev/null";
  private static final CompletableFuture<Void> READY = new CompletableFuture<>();
  /**
   * Held while {@code System.err} is swapped. Not this class's lock: a quiet listing of a bucket waits
   * for threads reading ahead, which {@link #start} Chronicle themselves.
   */
  private static final Object QUIET = new Object();
  private static boolean started;

  private WireRuntime() {}

  /** Starts initialising Chronicle in the background, once per JVM; returns at once. */
  public static synchronized void start() {
    if (started) {
      return;
    }
    started = true;
    Thread init = new Thread(WireRuntime::initialise, "offline-debug-init");
    init.setDaemon(true);
    init.start();
  }

  /** Whether Chronicle was started ({@link #start}) in this JVM; a listing served by summaries never does. */
  public static synchronized boolean isStarted() {
    return started;
  }

  /**
   * Waits up to {@code timeout} for Chronicle to be ready.
   *
   * @return {@code null} when ready; otherwise why it is not (failed, or still loading)
   */
  public static Throwable awaitReady(Duration timeout) {
    start();
    try {
      READY.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (TimeoutException e) {
      return new TimeoutException("Chronicle Wire still initialising after " + timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return e;
    }
  }

  /**
   * Runs {@code reading} with {@code System.err} discarded meanwhile, for a process whose console is
   * the user's: the CLI, whose stderr is for one-line errors, and the replay JVM, whose console shows
   * the debugger's user the replayed stack trace only. Reading a dump starts Chronicle Wire, which
   * prints straight to {@code System.err} as it starts (SLF4J's "no providers" lines; on some JDKs,
   * that it cannot read the direct memory limit, which it reads once, lazily: read here when it has
   * started, so that warning is muted too). Never for a host application: {@code System.err} is the
   * whole JVM's. A problem {@code reading} has comes back as its exception, for the caller to print.
   *
   * @return what {@code reading} returned
   */
  public static <T> T quietly(Reading<T> reading) throws IOException {
    synchronized (QUIET) {
      PrintStream err = System.err;
      System.setErr(new PrintStream(OutputStream.nullOutputStream(), true));
      try {
        T result = reading.read();
        if (isStarted()) {
          Jvm.maxDirectMemory();
        }
        return result;
      } finally {
        System.setErr(err);
      }
    }
  }

  /** Something read from dumps, for {@link #quietly}. */
  @FunctionalInterface
  public interface Reading<T> {
    T read() throws IOException;
  }

  private static void initialise() {
    try {
      setIfAbsent("chronicle.analytics.disable", "true");
      // An existing empty file: a missing one makes Chronicle log a warning into the host's logs.
      if (new java.io.File(NO_PROPERTIES).exists()) {
        setIfAbsent("system.properties", NO_PROPERTIES);
      }
      // Decoding a tiny dump loads every class the read path needs.
      FrameInfo frame = new FrameInfo("C", "m", "C.java", 1, null, null, null, false, List.of());
      ThrowableInfo thrown = new ThrowableInfo("E", null, "E", List.of(frame), -1, List.of(), Map.of());
      byte[] payload = DumpCodec.encode(new Dump("od-init", Instant.EPOCH, "", 0, "", null,
          new ThreadInfo("", 0, false, 0), null, null, null, Map.of(), List.of(), Map.of(), false,
          new ThrowableGraph(List.of(thrown))));
      DumpCodec.decode(payload, payload.length, java.nio.file.Path.of("od-init"), 0);
      READY.complete(null);
    } catch (Throwable t) {
      READY.completeExceptionally(t);
    }
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
