package dev.offlinedebug.internal.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * The store file one writer appends to, and no one else: it created the file, and holds an OS lock
 * on it so that retention in other processes leaves it alone. Not thread-safe; {@link StoreAppender}
 * serialises access.
 */
final class StoreFile {
  final String key;
  final long createdNanos;
  private final Path path;
  private final FileChannel channel;
  private final FileLock lock;
  /** The file system's identity of the file (device and inode on Unix), or {@code null} where it has none. */
  private final Object identity;
  private long end;
  private long linkCheckedNanos;

  StoreFile(String key, Path path, FileChannel channel, long createdNanos) throws IOException {
    this.key = key;
    this.path = path;
    this.channel = channel;
    this.createdNanos = createdNanos;
    this.linkCheckedNanos = createdNanos;
    try {
      this.lock = channel.lock();
      this.identity = identityAt(path);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** Where the file's name now leads, as {@link #link()} finds it. */
  enum Link {
    /** To this file. */
    LINKED,
    /** Nowhere: the file was deleted, alone or with its directory ({@code rm -rf logs/}). */
    DELETED,
    /** To another file put in its place. */
    REPLACED
  }

  /**
   * How often {@link #linkCheckDue} asks for a {@link #link()} check while records are appended. A
   * deleted file is restored with all its records ({@link #restoreFrom}), so the check need not cost
   * a system call per record: what a later check or a roll or close finds is restored just as well.
   */
  static final long LINK_CHECK_NANOS = 100_000_000L;

  /** Whether the last {@link #link()} check was at least {@link #LINK_CHECK_NANOS} before {@code now}. */
  boolean linkCheckDue(long now) {
    return now - linkCheckedNanos >= LINK_CHECK_NANOS;
  }

  /**
   * Whether the file is still reachable under its name. Records appended to a file that is no longer
   * linked would be lost with IDs already logged. One {@code lstat}, about a microsecond.
   */
  Link link() {
    linkCheckedNanos = System.nanoTime();
    try {
      return Objects.equals(identity, identityAt(path)) ? Link.LINKED : Link.REPLACED;
    } catch (NoSuchFileException e) {
      return Link.DELETED;
    } catch (IOException | RuntimeException e) {
      // Unreadable directory and the like: the file may well be there, keep writing to it.
      return Link.LINKED;
    }
  }

  /**
   * Copies every record appended to {@code deleted}, which still reads through its open handle, into
   * this new, empty file of the same name: every ID already given for them loads again.
   */
  void restoreFrom(StoreFile deleted) throws IOException {
    while (end < deleted.end) {
      long copied = deleted.channel.transferTo(end, deleted.end - end, channel);
      if (copied <= 0) {
        throw new IOException("could not copy " + path + " back past offset " + end);
      }
      end += copied;
    }
    linkCheckedNanos = System.nanoTime();
  }

  private static Object identityAt(Path path) throws IOException {
    return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
  }

  /** Where the next record goes. */
  long end() {
    return end;
  }

  /**
   * Appends one framed record (header and payload, see {@link dev.offlinedebug.internal.codec.RecordBuffer})
   * at {@link #end()} with one positioned write. The header is written complete: the record's
   * checksum, not a second write clearing the not-complete bit, tells readers whether it is whole
   * (a torn record runs past the end of the file or fails its checksum, and is skipped). On failure
   * the file is cut back to where the record began, so a later append starts clean.
   */
  void append(ByteBuffer record) throws IOException {
    long offset = end;
    try {
      int length = record.remaining();
      while (record.hasRemaining()) {
        channel.write(record, offset + length - record.remaining());
      }
      end = offset + length;
    } catch (IOException e) {
      cutBack(offset);
      throw e.getClass() == IOException.class ? named(e) : e;
    }
  }

  /**
   * The system's error ({@code No space left on device}, {@code File too large}, ...) as a {@link
   * FileSystemException} naming this file: the status line then says what and where in one line.
   */
  private FileSystemException named(IOException e) {
    FileSystemException named = new FileSystemException(path.toString(), null, e.getMessage());
    named.initCause(e);
    return named;
  }

  private void cutBack(long offset) {
    try {
      channel.truncate(offset);
    } catch (IOException | RuntimeException e) {
      // The partial record stays marked not complete until the next append overwrites it.
    }
  }

  /** Releases the lock and the file; the file stays for readers. */
  void close() {
    try {
      lock.release();
    } catch (IOException | RuntimeException ignored) {
      // Closing the channel releases the lock as well.
    }
    try {
      channel.close();
    } catch (IOException ignored) {
      // Nothing was buffered: every append wrote through to the channel.
    }
  }
}
