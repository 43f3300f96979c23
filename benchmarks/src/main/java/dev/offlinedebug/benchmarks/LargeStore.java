package dev.offlinedebug.benchmarks;

import dev.offlinedebug.spi.CaptureLimits;
import dev.offlinedebug.spi.DumpWriter;
import dev.offlinedebug.spi.LoggedEvent;
import dev.offlinedebug.spi.StatusListener;
import dev.offlinedebug.spi.WriterSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a local store of many distinct dumps for timing the listing commands on it (the README's
 * listing rows), then spreads its store files' modification times 5 minutes apart, the newest now,
 * as a store written over hours has them: written back to back, every file would lie within the
 * minute that listings read together.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.offlinedebug.benchmarks.LargeStore /tmp/store 100000 1048576
 * /usr/bin/time -v java -Xmx100m -jar cli/target/offline-debug.jar list -n 10 --dir /tmp/store
 * </pre>
 *
 * Arguments: the directory (new or empty), the number of dumps, the store files' size in bytes.
 */
public final class LargeStore {
  private LargeStore() {}

  public static void main(String[] args) throws IOException {
    Path directory = Path.of(args[0]);
    int dumps = Integer.parseInt(args[1]);
    long fileSize = Long.parseLong(args[2]);
    try (DumpWriter writer = DumpWriter.open(new WriterSettings(directory, fileSize, Long.MAX_VALUE, Duration.ofDays(30),
        Duration.ZERO, Integer.MAX_VALUE, "large-store", CaptureLimits.DEFAULTS), StatusListener.IGNORE)) {
      for (int i = 0; i < dumps; i++) {
        writer.write(new IllegalStateException("order " + i + " failed", new IOException("socket " + i % 97)),
            LoggedEvent.standalone());
      }
    }
    List<Path> files;
    try (Stream<Path> listed = Files.list(directory)) {
      files = listed.filter(file -> file.getFileName().toString().endsWith(".odump")).sorted().toList();
    }
    Instant now = Instant.now();
    for (int i = 0; i < files.size(); i++) {
      Files.setLastModifiedTime(files.get(i), FileTime.from(now.minus(Duration.ofMinutes(5L * (files.size() - 1 - i)))));
    }
    System.out.println(dumps + " dumps in " + files.size() + " store files in " + directory);
  }
}
