package dev.offlinedebug.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The files of a store directory: {@code <time>-<tag>.odump} store files, named so that sorting by
 * name sorts by creation time, and {@code expired.log}, one line per file retention deleted.
 */
final class StoreLayout {
  static final String SUFFIX = ".odump";
  static final String EXPIRED_LEDGER = "expired.log";
  private static final int TIME_DIGITS = 9;
  private static final int TAG_DIGITS = 6;

  private StoreLayout() {}

  /** Creates {@code directory} (mode 0700 where POSIX permissions exist) unless it exists. */
  static void createDirectory(Path directory) throws IOException {
    if (Files.isDirectory(directory)) {
      return;
    }
    if (posix(directory)) {
      Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } else {
      Files.createDirectories(directory);
    }
  }

  /** Creates a new store file (mode 0600) that no other writer can have, open for reading and writing. */
  static StoreFile createFile(Path directory) throws IOException {
    Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileAttribute<?>[] mode = posix(directory)
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
        : new FileAttribute<?>[0];
    for (int attempt = 0; ; attempt++) {
      long now = System.currentTimeMillis();
      String name = base36(now, TIME_DIGITS) + "-" + base36(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36), TAG_DIGITS);
      try {
        return new StoreFile(name, FileChannel.open(directory.resolve(name + SUFFIX), options, mode), System.nanoTime());
      } catch (FileAlreadyExistsException e) {
        if (attempt == 10) {
          throw e;
        }
      }
    }
  }

  /** The store files of {@code directory}, oldest first; empty when the directory does not exist. */
  static List<Path> storeFiles(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** The ID's name part of a store file. */
  static String fileKey(Path storeFile) {
    String name = storeFile.getFileName().toString();
    return name.substring(0, name.length() - SUFFIX.length());
  }

  /** Notes that retention deletes {@code storeFile}, so its IDs are reported expired, not unknown. */
  static void recordExpired(Path directory, Path storeFile) throws IOException {
    Files.write(directory.resolve(EXPIRED_LEDGER), (fileKey(storeFile) + "\n").getBytes(StandardCharsets.US_ASCII),
        StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
  }

  /** Whether retention deleted the store file {@code fileKey}. Streams the ledger line by line. */
  static boolean isExpired(Path directory, String fileKey) throws IOException {
    try (Stream<String> lines = Files.lines(directory.resolve(EXPIRED_LEDGER), StandardCharsets.US_ASCII)) {
      return lines.anyMatch(fileKey::equals);
    } catch (NoSuchFileException e) {
      return false;
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static boolean posix(Path directory) {
    Path existing = directory.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    return existing != null && existing.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  static String base36(long value, int digits) {
    String text = Long.toString(value, 36);
    return text.length() >= digits ? text : "0".repeat(digits - text.length()) + text;
  }
}
