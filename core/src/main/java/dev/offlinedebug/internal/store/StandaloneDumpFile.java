package dev.offlinedebug.internal.store;

import dev.offlinedebug.Dump;
import dev.offlinedebug.DumpFormatException;
import dev.offlinedebug.internal.capture.DumpCapture;
import dev.offlinedebug.internal.codec.DecodedRecord;
import dev.offlinedebug.internal.codec.RecordBuffer;
import dev.offlinedebug.internal.codec.RecordFrame;
import dev.offlinedebug.spi.CaptureLimits;
import dev.offlinedebug.spi.LoggedEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A single dump outside any store, as {@code OfflineDebug.save} writes it: one framed record in the
 * store's format, at offset 0. Its ID has the store's shape with a random file part.
 *
 * @since 0.1
 */
public final class StandaloneDumpFile {
  private StandaloneDumpFile() {}

  /** Captures {@code thrown} and writes it to {@code out}, which stays open. */
  public static String save(Throwable thrown, OutputStream out) throws IOException {
    String id = newId();
    RecordBuffer record = RecordBuffer.take();
    try {
      record.encodeDump(new DumpCapture(CaptureLimits.DEFAULTS, null).capture(id, thrown, LoggedEvent.standalone()));
      record.seal(id);
      ByteBuffer bytes = record.record();
      out.write(bytes.array(), 0, bytes.limit());
    } finally {
      record.release();
    }
    out.flush();
    return id;
  }

  /** Captures {@code thrown} and replaces {@code file} with it, atomically where the file system can. */
  public static String save(Throwable thrown, Path file) throws IOException {
    Path absolute = file.toAbsolutePath();
    Path temp = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".tmp");
    try {
      String id;
      try (OutputStream out = Files.newOutputStream(temp)) {
        id = save(thrown, out);
      }
      try {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (java.nio.file.AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
      return id;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Loads the dump in {@code file}.
   *
   * @throws DumpFormatException naming the file and offset when it is not an intact dump
   */
  public static Dump load(Path file) throws IOException {
    RollingDumpStore.requireWire();
    try (FileChannel channel = DumpFileChannel.openForRead(file)) {
      DecodedRecord record = RecordFrame.read(channel, file, 0);
      if (record.dump() == null) {
        throw new DumpFormatException(file, 0, "an occurrence counter, not a dump");
      }
      return record.dump();
    }
  }

  private static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return new DumpId(StoreLayout.base36(System.currentTimeMillis(), 9) + "-"
        + StoreLayout.base36(random.nextLong(36L * 36 * 36 * 36 * 36 * 36), 6), 0).text();
  }
}
