package dev.offlinedebug.internal.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiPredicate;

/**
 * Deletes whole store files, oldest first: those last written longer than {@code maxAge} ago, then
 * more until the store fits {@code maxTotalSize}. A file some writer (in any process) still holds
 * locked is never deleted, nor one not uploaded yet when {@code upload} is set. Deleted files are noted in the ledger first, so their IDs read as expired.
 */
public final class Retention {
  private final Path directory;
  private final long maxTotalSize;
  private final Duration maxAge;
  private final StatusReports status;
  private final ReentrantLock running = new ReentrantLock();
  /** Files retention must keep (by name and size): those not uploaded yet. */
  private final BiPredicate<String, Long> held;

  public Retention(Path directory, long maxTotalSize, Duration maxAge, StatusReports status, BiPredicate<String, Long> held) {
    this.directory = directory;
    this.held = held;
    this.maxTotalSize = maxTotalSize;
    this.maxAge = maxAge;
    this.status = status;
  }

  /** Applies retention now, unless another thread of this writer is already doing so. */
  public void apply() {
    if (!running.tryLock()) {
      return;
    }
    try {
      List<Path> files = new ArrayList<>(StoreLayout.storeFiles(directory));
      long cutoff = System.currentTimeMillis() - maxAge.toMillis();
      long total = 0;
      List<BasicFileAttributes> attributes = new ArrayList<>();
      long[] sizes = new long[files.size()];
      for (int i = 0; i < files.size(); i++) {
        BasicFileAttributes a = attributesOf(files.get(i));
        attributes.add(a);
        // A store file's summary (kept when uploading) is deleted with it, so it counts with it.
        sizes[i] = a == null ? 0 : a.size() + sizeOf(summaryOf(files.get(i)));
        total += sizes[i];
      }
      for (int i = 0; i < files.size(); i++) {
        BasicFileAttributes a = attributes.get(i);
        if (a == null || !a.isRegularFile() || held.test(files.get(i).getFileName().toString(), a.size())) {
          continue;
        }
        boolean expired = a.lastModifiedTime().toMillis() < cutoff;
        if ((expired || total > maxTotalSize) && deleteUnlocked(files.get(i))) {
          total -= sizes[i];
        }
      }
    } catch (IOException | RuntimeException e) {
      status.problem("retention", "retention in " + directory + " failed: " + e, e);
    } finally {
      running.unlock();
    }
  }

  private boolean deleteUnlocked(Path file) throws IOException {
    // Never through a link; the listing returned regular files only, so this cannot meet a FIFO
    // unless one replaced the file since, which the directory's permissions leave to its owner.
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return false;
      }
      try {
        StoreLayout.recordExpired(directory, file);
        Files.delete(file);
        // Its summary goes with it, after: a summary without its store file is never read.
        Files.deleteIfExists(summaryOf(file));
        return true;
      } finally {
        lock.release();
      }
    } catch (OverlappingFileLockException e) {
      return false;
    } catch (NoSuchFileException e) {
      return true;
    }
  }

  private static Path summaryOf(Path storeFile) {
    return storeFile.resolveSibling(StoreLayout.summaryName(storeFile.getFileName().toString()));
  }

  private static long sizeOf(Path file) {
    BasicFileAttributes a = attributesOf(file);
    return a == null || !a.isRegularFile() ? 0 : a.size();
  }

  /** Size and time of {@code file} itself, not of what a link points to; {@code null} when gone. */
  private static BasicFileAttributes attributesOf(Path file) {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      return null;
    }
  }
}
