package dev.offlinedebug.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.offlinedebug.Dump;
import dev.offlinedebug.model.ArrayValue;
import dev.offlinedebug.model.FrameInfo;
import dev.offlinedebug.model.LocalVariable;
import dev.offlinedebug.model.MapValue;
import dev.offlinedebug.model.ObjectValue;
import dev.offlinedebug.model.RefValue;
import dev.offlinedebug.model.StringValue;
import dev.offlinedebug.model.TextValue;
import dev.offlinedebug.model.ThreadInfo;
import dev.offlinedebug.model.ThrowableGraph;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.model.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A crafted dump whose text values name real files of a directory under JDK types that open,
 * create or truncate a file when built from that text ({@code FileOutputStream}, {@code
 * PrintWriter}, {@code FileHandler}, {@code Formatter}...), read a FIFO (which blocks until a
 * writer comes), or start a non-daemon thread ({@code Timer}). The values sit in locals, fields of
 * a captured object, a collection, a map, an array and the exception's own fields, as a compromised
 * service could write them. Replaying or rebuilding it must leave the directory as it was.
 */
public final class FileTraps {
  /** The name of the thread a {@code java.util.Timer} built from the dump would start. */
  public static final String TIMER_THREAD = "offline-debug-trap-timer";

  /** A hang guard for a test that waits on a replay JVM: no test asserts on how long replay takes. */
  public static final long HANG_GUARD_SECONDS = TimeUnit.MINUTES.toSeconds(2);

  private static final String KEPT = "kept content\n";

  private final Path directory;
  private final boolean withFifo;
  private final Map<String, String> textByType = new LinkedHashMap<>();
  private final Map<Path, String> before = new TreeMap<>();

  private FileTraps(Path directory, boolean withFifo) {
    this.directory = directory;
    this.withFifo = withFifo;
  }

  /**
   * Lays the traps in {@code directory}: existing files with content, names of files that must not
   * appear, and, {@code withFifo}, a FIFO that input types would block on (only in a JVM that a
   * test can end: a thread blocked opening a FIFO cannot be interrupted).
   */
  public static FileTraps in(Path directory, boolean withFifo) throws IOException, InterruptedException {
    FileTraps traps = new FileTraps(directory, withFifo);
    traps.existing("java.io.FileOutputStream", "kept-fos.txt");
    traps.existing("java.io.FileWriter", "kept-fw.txt");
    traps.existing("java.io.PrintStream", "kept-ps.txt");
    traps.existing("java.io.RandomAccessFile", "kept-raf.txt");
    traps.absent("java.io.PrintWriter", "absent-pw.txt");
    traps.absent("java.util.logging.FileHandler", "absent-fh.log");
    traps.absent("java.util.Formatter", "absent-fmt.txt");
    traps.textByType.put("java.util.Timer", TIMER_THREAD);
    if (withFifo) {
      Path fifo = directory.resolve("trap.fifo");
      Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
      assertEquals(0, mkfifo.waitFor(), "mkfifo " + fifo);
      for (String type : List.of("java.io.FileInputStream", "java.io.FileReader", "java.util.zip.ZipFile",
          "java.util.jar.JarFile")) {
        traps.textByType.put(type, fifo.toString());
      }
    }
    try (Stream<Path> files = Files.list(directory)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        traps.before.put(f, Files.isRegularFile(f) ? Files.readString(f, StandardCharsets.UTF_8) : "<fifo>");
      }
    }
    return traps;
  }

  private void existing(String type, String name) throws IOException {
    Path file = directory.resolve(name);
    Files.writeString(file, KEPT, StandardCharsets.UTF_8);
    textByType.put(type, file.toString());
  }

  private void absent(String type, String name) {
    textByType.put(type, directory.resolve(name).toString());
  }

  /** The types the dump's values claim, each with the text that names its file. */
  public Map<String, String> textByType() {
    return textByType;
  }

  /** Every file as it was, no file more, and no thread started by a value of the dump. */
  public void assertUntouched() throws IOException {
    Map<Path, String> after = new TreeMap<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        after.put(f, Files.isRegularFile(f) ? Files.readString(f, StandardCharsets.UTF_8) : "<fifo>");
      }
    }
    assertEquals(before, after, "the files of " + directory);
    assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(TIMER_THREAD)),
        "a thread started from a dump value");
  }

  /** The crafted dump: an {@code com.acme.trap.ImportFailure} thrown under two frames holding the traps. */
  public Dump dump() {
    return dump("com.acme.trap.ImportFailure");
  }

  /** The crafted dump, its throwable claiming to be of class {@code throwableType}. */
  public Dump dump(String throwableType) {
    List<LocalVariable> inner = new ArrayList<>();
    Map<String, Value> sinkFields = new LinkedHashMap<>();
    List<Value> elements = new ArrayList<>();
    List<MapValue.Entry> entries = new ArrayList<>();
    Map<String, Value> exceptionFields = new LinkedHashMap<>();
    Map<String, Value> heldByException = new LinkedHashMap<>();
    textByType.forEach((type, text) -> {
      String name = type.substring(type.lastIndexOf('.') + 1);
      TextValue value = new TextValue(type, text);
      inner.add(new LocalVariable(Character.toLowerCase(name.charAt(0)) + name.substring(1), type, value));
      sinkFields.put(name, value);
      elements.add(value);
      entries.add(new MapValue.Entry(StringValue.of(name), value));
      exceptionFields.put(name, value);
      heldByException.put(name, value);
    });
    exceptionFields.put("held", new ObjectValue(90, "com.acme.trap.Held", heldByException));
    List<LocalVariable> outer = List.of(
        new LocalVariable("this", "com.acme.trap.Importer", new ObjectValue(1, "com.acme.trap.Importer", sinkFields)),
        new LocalVariable("sinks", "java.util.List",
            new ArrayValue(2, "java.util.ArrayList", elements, elements.size())),
        new LocalVariable("byName", "java.util.Map", new MapValue(3, "java.util.HashMap", entries, entries.size())),
        new LocalVariable("streams", "java.io.FileOutputStream[]",
            new ArrayValue(4, "java.io.FileOutputStream[]", elements, elements.size())),
        new LocalVariable("held", "java.lang.Object", new RefValue(90)));
    List<FrameInfo> frames = List.of(
        FrameInfo.of(new StackTraceElement("com.acme.trap.Importer", "open", "Importer.java", 30)).withLocals(inner),
        FrameInfo.of(new StackTraceElement("com.acme.trap.Importer", "run", "Importer.java", 12)).withLocals(outer));
    ThrowableInfo thrown = new ThrowableInfo(throwableType, "import failed", throwableType + ": import failed",
        frames, ThrowableInfo.NO_CAUSE, List.of(), exceptionFields);
    return new Dump("od-traps-" + (withFifo ? "fifo" : "files"), Instant.parse("2026-12-01T07:00:00Z"), "host", 7,
        "test JVM", null, new ThreadInfo("main", 1, false, 5), null, null, null, Map.of(), List.of(), Map.of(), true,
        new ThrowableGraph(List.of(thrown)));
  }
}
