package dev.offlinedebug.internal.codec;

import dev.offlinedebug.Dump;
import dev.offlinedebug.DumpFormatException;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.json.JsonExport;
import dev.offlinedebug.model.LocalVariable;
import dev.offlinedebug.testing.SampleDumps;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The JVM {@link ReaderFuzzTest} starts with a small heap: loads mutated records from files and
 * exports what loads as JSON, one input at a time under a hang guard. Prints {@code FAIL} lines for
 * anything but a load or a {@link DumpFormatException}, {@code HANG} and exits for an input that does
 * not finish, and {@code DONE} at the end. Failing inputs are kept in the given directory.
 *
 * <p>Arguments: {@code seed inputs workDirectory failureDirectory}.
 */
public final class ReaderFuzzChild {
  /** Only a guard against a hung input: no input comes near it when the reader is bounded. */
  private static final long HANG_GUARD_SECONDS = 60;

  private final Random random;
  private final List<byte[]> bases = new ArrayList<>();
  /** Inputs tried first, unmutated: each broke the reader once. */
  private final List<byte[]> known = List.of(
      CraftedRecords.sharedFrameBomb(45_000),
      CraftedRecords.textAsHugeDocument(),
      CraftedRecords.unknownBox("1,\"k\":true"));
  private final RecordMutations mutations;

  private ReaderFuzzChild(long seed) {
    random = new Random(seed);
    mutations = new RecordMutations(random);
    RuntimeException cause = new RuntimeException("cause \u00e9", new java.io.IOException("io"));
    IllegalStateException thrown = new IllegalStateException("fuzz \ud83d\ude00", cause);
    thrown.addSuppressed(new IllegalArgumentException("suppressed"));
    List<LocalVariable> locals = new ArrayList<>();
    List<dev.offlinedebug.model.Value> values = SampleDumps.everyValueKind();
    for (int i = 0; i < values.size(); i++) {
      locals.add(new LocalVariable("v" + i, "java.lang.Object", values.get(i)));
    }
    bases.add(DumpCodec.encode(SampleDumps.of("od-fuzz-locals", thrown, locals)));
    bases.add(DumpCodec.encode(SampleDumps.of("od-fuzz-plain", thrown)));
    bases.add(DumpCodec.encodeOccurrences("od-fuzz-counted", 3));
    bases.add(CraftedRecords.unknownBox("1,\"k\":\u001b[2J"));
    bases.add(CraftedRecords.sharedFrameBomb(1_500));
  }

  public static void main(String[] args) throws Exception {
    long seed = Long.parseLong(args[0]);
    int inputs = Integer.parseInt(args[1]);
    Path work = Path.of(args[2]);
    Path failures = Path.of(args[3]);
    ReaderFuzzChild fuzz = new ReaderFuzzChild(seed);
    Path store = Files.createDirectories(work.resolve("store"));
    ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fuzz-input");
      t.setDaemon(true);
      return t;
    });
    int loaded = 0;
    int rejected = 0;
    for (int i = 0; i < inputs; i++) {
      // Named like a store file, or listing skips it.
      Path file = store.resolve("0000000aa-bbbbbb.odump");
      String strategy = fuzz.writeInput(i, file);
      Future<Boolean> outcome = executor.submit(() -> loadListAndExport(file));
      try {
        if (outcome.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS)) {
          loaded++;
        } else {
          rejected++;
        }
      } catch (TimeoutException e) {
        keep(file, failures, i);
        System.out.println("HANG input " + i + " (" + strategy + ")");
        System.exit(2);
      } catch (java.util.concurrent.ExecutionException e) {
        keep(file, failures, i);
        System.out.println("FAIL input " + i + " (" + strategy + "): " + e.getCause());
      }
    }
    System.out.println("DONE " + inputs + " inputs: " + loaded + " loaded, " + rejected + " rejected as damaged");
    System.exit(0);
  }

  /** Writes input {@code i} to {@code file}; returns how it was made. */
  private String writeInput(int i, Path file) throws IOException {
    if (i < known.size()) {
      write(file, known.get(i));
      return "known input " + i;
    }
    if (random.nextInt(20) == 0) {
      return hugeHeader(file);
    }
    RecordMutations.Mutated mutated = mutations.mutate(bases.get(random.nextInt(bases.size())));
    write(file, mutated.payload());
    return mutated.how();
  }

  private static void write(Path file, byte[] payload) throws IOException {
    Files.deleteIfExists(file);
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(RecordFrame.completeHeader(payload.length).array());
      out.write(payload);
    }
  }

  /** A header claiming a large record, in a sparse file that really holds that many bytes. */
  private String hugeHeader(Path file) throws IOException {
    int length = List.of(8 << 20, 40 << 20, RecordFrame.MAX_PAYLOAD).get(random.nextInt(3)) + random.nextInt(64);
    length = Math.min(length, RecordFrame.MAX_PAYLOAD);
    Files.deleteIfExists(file);
    try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
      sparse.write(RecordFrame.completeHeader(length).array());
      sparse.setLength(RecordFrame.HEADER_SIZE + (long) length);
    }
    return "header claiming " + length + " bytes";
  }

  /**
   * Lists the store the input is in, then loads it as a standalone file and exports it; {@code true}
   * when it loaded, {@code false} when refused as damaged.
   */
  private static boolean loadListAndExport(Path file) throws IOException {
    OfflineDebug.open(file.getParent()).list();
    Dump dump;
    try {
      dump = OfflineDebug.load(file);
    } catch (DumpFormatException e) {
      return false;
    }
    JsonExport.write(dump, new DiscardingSink());
    return true;
  }

  private static void keep(Path file, Path failures, int i) throws IOException {
    Files.createDirectories(failures);
    if (Files.size(file) < (1 << 20)) {
      Files.copy(file, failures.resolve("input-" + i + ".dump"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Counts nothing, keeps nothing: the export only has to finish. */
  private static final class DiscardingSink implements Appendable {
    @Override
    public Appendable append(CharSequence text) {
      return this;
    }

    @Override
    public Appendable append(CharSequence text, int start, int end) {
      return this;
    }

    @Override
    public Appendable append(char c) {
      return this;
    }
  }
}
