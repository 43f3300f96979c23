package dev.offlinedebug.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Deletes whole store files, oldest first: those last written longer than {@code maxAge} ago, then
 * more until the store fits {@code maxTotalSize}. A file some writer (in any process) still holds
 * locked is never deleted. Deleted files are noted in the ledger first, so their IDs read as expired.
 */
final class Retention {
  private final Path directory;
  private final long maxTotalSize;
  private final Duration maxAge;
  private final StatusReports status;
  private final ReentrantLock running = new ReentrantLock();

  Retention(Path directory, long maxTotalSize, Duration maxAge, StatusReports status) {
    this.directory = directory;
    this.maxTotalSize = maxTotalSize;
    this.maxAge = maxAge;
    this.status = status;
  }

  /** Applies retention now, unless another thread of this writer is already doing so. */
  void apply() {
    if (!running.tryLock()) {
      return;
    }
    try {
      List<Path> files = new ArrayList<>(StoreLayout.storeFiles(directory));
      long cutoff = System.currentTimeMillis() - maxAge.toMillis();
      long total = 0;
      List<Long> sizes = new ArrayList<>();
      for (Path file : files) {
        long size = sizeOf(file);
        sizes.add(size);
        total += size;
      }
      for (int i = 0; i < files.size(); i++) {
        Path file = files.get(i);
        boolean expired = lastModified(file) < cutoff;
        if ((expired || total > maxTotalSize) && deleteUnlocked(file)) {
          total -= sizes.get(i);
        }
      }
    } catch (IOException | RuntimeException e) {
      status.problem("retention", "retention in " + directory + " failed: " + e, e);
    } finally {
      running.unlock();
    }
  }

  private boolean deleteUnlocked(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return false;
      }
      try {
        StoreLayout.recordExpired(directory, file);
        Files.delete(file);
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

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  private static long lastModified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return Long.MAX_VALUE;
    }
  }
}
