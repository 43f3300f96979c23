package dev.offlinedebug.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A temporary directory for a benchmark's log and dump files, deleted with its content on close. */
final class ScratchDirectory implements AutoCloseable {
  private final Path path;

  ScratchDirectory(String prefix) throws IOException {
    path = Files.createTempDirectory(prefix);
  }

  Path path() {
    return path;
  }

  @Override
  public void close() throws IOException {
    try (Stream<Path> files = Files.walk(path)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}
