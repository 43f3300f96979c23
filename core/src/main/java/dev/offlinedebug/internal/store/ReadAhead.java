package dev.offlinedebug.internal.store;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads that read a bucket's summaries ahead of a listing ({@link NewestFirst}): each summary
 * is a request, and a listing of the last day reads thousands of them, one round trip each when read
 * in turn. Daemon threads, started by the first listing of a bucket that reads ahead and ended after
 * a second idle, so a process that loads dumps by ID, or lists a local store, never has one.
 */
final class ReadAhead {
  /** Requests in flight at once: enough to hide the round trips, few for the server. */
  static final int THREADS = 8;

  private static final ThreadPoolExecutor READERS = readers();

  private ReadAhead() {}

  private static ThreadPoolExecutor readers() {
    ThreadPoolExecutor readers = new ThreadPoolExecutor(THREADS, THREADS, 1, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), task -> {
          Thread thread = new Thread(task, "offline-debug-read-ahead");
          thread.setDaemon(true);
          return thread;
        });
    readers.allowCoreThreadTimeOut(true);
    return readers;
  }

  static Future<SummaryFold> submit(NewestFirst.Fold fold) {
    return READERS.submit(fold::read);
  }

  /** What {@code read} read, or its failure as it would have come reading in turn. */
  static SummaryFold result(Future<SummaryFold> read) throws IOException {
    try {
      return read.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while listing");
    } catch (CancellationException e) {
      throw new InterruptedIOException("the listing was closed");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw (RuntimeException) cause; // a fold throws nothing else
    }
  }
}
