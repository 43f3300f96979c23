package dev.offlinedebug.internal.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of a store directory: {@code <time>-<tag>.odump} store files, named so that sorting by
 * name sorts by creation time, and {@code expired.log}, one line per file retention deleted.
 *
 * <p>Whatever else is in the directory is not ours: only regular files with exactly the names this
 * class creates are listed, and no file is opened through a symbolic link, so that a FIFO, a device
 * or a link planted there can neither hang a writer or reader nor redirect a write.
 */
public final class StoreLayout {
  static final String SUFFIX = ".odump";
  /** The summary of store file {@code <key>.odump} is {@code <key>.odsum} ({@link StoreSummary}). */
  static final String SUMMARY_SUFFIX = ".odsum";
  static final String EXPIRED_LEDGER = "expired.log";
  private static final int TIME_DIGITS = 9;
  private static final int TAG_DIGITS = 6;
  /** The name part of a store file; the same shape {@link DumpId} accepts. */
  private static final Pattern KEY = Pattern.compile("[0-9a-z]{" + TIME_DIGITS + "}-[0-9a-z]{" + TAG_DIGITS + "}");
  /**
   * The time in the name of the last store file this JVM created. A listing orders a writer's files
   * by that time ({@link NewestFirst}), as a later file may hold repeats of an earlier file's dumps,
   * so files rolled within one millisecond must not share it.
   */
  private static final AtomicLong LAST_CREATED_MILLIS = new AtomicLong();

  /** The ledger is read at most this far: 17 bytes a deleted file, so decades of hourly rolls. */
  private static final long MAX_LEDGER_BYTES = 64L << 20;
  private static final FileAttribute<?>[] NO_ATTRIBUTES = new FileAttribute<?>[0];
  private static final Set<OpenOption> NEW_FILE = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
      StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);

  private StoreLayout() {}

  /**
   * Creates {@code directory} (mode 0700 where POSIX permissions exist) unless it exists, and
   * checks that no other user can plant files in it ({@link TrustedDirectory}).
   */
  public static void createDirectory(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      try {
        if (posix(directory)) {
          Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
          Files.createDirectories(directory);
        }
      } catch (FileAlreadyExistsException e) {
        // Thrown only when what exists is no directory: say so, as for a file in place of a parent.
        throw new FileSystemException(directory.toString(), null, "Not a directory");
      }
    }
    TrustedDirectory.check(directory);
  }

  /**
   * Why {@code e} keeps dumps out of {@code directory}, in one line and in the system's words (as
   * {@code mkdir} puts it), naming the file only when it is not the directory itself: for a status
   * report that needs neither the exception's class nor its stack, since the user fixes this.
   */
  public static String reason(FileSystemException e, Path directory) {
    String reason = e.getReason() != null ? e.getReason()
        : e instanceof NoSuchFileException ? "No such file or directory"
        : e instanceof AccessDeniedException ? "Permission denied"
        : e instanceof FileAlreadyExistsException ? "File exists"
        : e.getClass().getSimpleName();
    return e.getFile() == null || Path.of(e.getFile()).equals(directory) ? reason : e.getFile() + ": " + reason;
  }

  /** Creates a new store file (mode 0600) that no other writer can have, open for reading and writing. */
  static StoreFile createFile(Path directory) throws IOException {
    for (int attempt = 0; ; attempt++) {
      long now = LAST_CREATED_MILLIS.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis()));
      String name = base36(now, TIME_DIGITS) + "-" + base36(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36), TAG_DIGITS);
      try {
        return createFile(directory, name, System.nanoTime());
      } catch (FileAlreadyExistsException e) {
        if (attempt == 10) {
          throw e;
        }
      }
    }
  }

  /**
   * Creates store file {@code key}, empty, created at {@code createdNanos} for rolling: a new one,
   * or one deleted while open again, with the deleted file's creation time.
   *
   * @throws FileAlreadyExistsException when something has the name already
   */
  static StoreFile createFile(Path directory, String key, long createdNanos) throws IOException {
    Path path = directory.resolve(key + SUFFIX);
    return new StoreFile(key, path, FileChannel.open(path, NEW_FILE, ownerOnly(directory)), createdNanos);
  }

  /**
   * The store files of {@code directory}, oldest first: regular files (not links) named as this
   * class names them. Empty when the directory does not exist.
   */
  static List<Path> storeFiles(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(StoreLayout::isStoreFile).sorted().toList();
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static boolean isStoreFile(Path path) {
    return isStoreFileName(path.getFileName().toString()) && Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS);
  }

  /** Whether {@code name} is a name this class gives store files (in a directory, or as objects). */
  static boolean isStoreFileName(String name) {
    return name.endsWith(SUFFIX) && KEY.matcher(name.substring(0, name.length() - SUFFIX.length())).matches();
  }

  /** Whether {@code name} is a name this class gives summaries of store files. */
  static boolean isSummaryName(String name) {
    return name.endsWith(SUMMARY_SUFFIX)
        && KEY.matcher(name.substring(0, name.length() - SUMMARY_SUFFIX.length())).matches();
  }

  /** The name of the summary of store file {@code storeFileName}. */
  static String summaryName(String storeFileName) {
    return storeFileName.substring(0, storeFileName.length() - SUFFIX.length()) + SUMMARY_SUFFIX;
  }

  /**
   * Creates the summary of the store file {@code key} (mode 0600), new: never one planted there.
   *
   * @throws java.nio.file.FileAlreadyExistsException when something has the name already
   */
  static FileChannel createSummary(Path directory, String key) throws IOException {
    return FileChannel.open(directory.resolve(key + SUMMARY_SUFFIX), Set.of(StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), ownerOnly(directory));
  }

  /**
   * The creation time part of store file key {@code key}: fixed-width base 36, so keys compare by it
   * as their files' creation times do.
   */
  static String keyTime(String key) {
    return key.substring(0, Math.min(TIME_DIGITS, key.length()));
  }

  /** The ID's name part of a store file. */
  static String fileKey(Path storeFile) {
    String name = storeFile.getFileName().toString();
    return name.substring(0, name.length() - SUFFIX.length());
  }

  /**
   * Notes that retention deletes {@code storeFile}, so its IDs are reported expired, not unknown.
   * Only a key of the store-file shape is written, so no name from the directory can add a line.
   *
   * @throws IOException when the ledger exists but is not a regular file (a link, a FIFO)
   */
  static void recordExpired(Path directory, Path storeFile) throws IOException {
    String key = fileKey(storeFile);
    if (!KEY.matcher(key).matches()) {
      throw new IOException("not a store file name: " + escaped(key));
    }
    Path ledger = directory.resolve(EXPIRED_LEDGER);
    requireRegularOrAbsent(ledger);
    Set<OpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE,
        LinkOption.NOFOLLOW_LINKS);
    try (FileChannel channel = FileChannel.open(ledger, options, ownerOnly(directory))) {
      ByteBuffer line = ByteBuffer.wrap((key + "\n").getBytes(StandardCharsets.US_ASCII));
      while (line.hasRemaining()) {
        channel.write(line);
      }
    }
  }

  /**
   * Whether retention deleted the store file {@code fileKey}. Reads at most {@value
   * #MAX_LEDGER_BYTES} bytes of the ledger, a few kilobytes at a time; a ledger that is not a
   * regular file (a FIFO, a link to a device) is not read at all.
   */
  static boolean isExpired(Path directory, String fileKey) throws IOException {
    Path ledger = directory.resolve(EXPIRED_LEDGER);
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(ledger, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return false;
    }
    if (!attributes.isRegularFile()) {
      return false;
    }
    byte[] key = fileKey.getBytes(StandardCharsets.US_ASCII);
    try (InputStream in = Channels.newInputStream(FileChannel.open(ledger, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
      byte[] buffer = new byte[8192];
      int matched = 0;
      long read = 0;
      for (int n; read < MAX_LEDGER_BYTES && (n = in.read(buffer)) > 0; read += n) {
        for (int i = 0; i < n; i++) {
          byte b = buffer[i];
          if (b == '\n') {
            if (matched == key.length) {
              return true;
            }
            matched = 0;
          } else {
            matched = matched >= 0 && matched < key.length && b == key[matched] ? matched + 1 : -1;
          }
        }
      }
      return matched == key.length;
    }
  }

  private static void requireRegularOrAbsent(Path file) throws IOException {
    try {
      if (!Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isRegularFile()) {
        throw new IOException(file + " is not a regular file; not writing to it");
      }
    } catch (NoSuchFileException e) {
      // created on first use
    }
  }

  /** {@code text} with every character outside printable ASCII as {@code \\uXXXX}, for messages. */
  static String escaped(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7f && c != '\\') {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    return out.toString();
  }

  private static FileAttribute<?>[] ownerOnly(Path directory) {
    return posix(directory)
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
        : NO_ATTRIBUTES;
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
