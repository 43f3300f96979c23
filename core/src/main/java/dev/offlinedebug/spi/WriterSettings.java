package dev.offlinedebug.spi;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a {@link DumpWriter} needs; the appenders build it from their options.
 *
 * @param directory the store directory, created {@code 0700} when missing; never null
 * @param maxFileSize a store file rolls when it would grow past this many bytes (a single larger
 *     dump still gets a file of its own); with {@code upload}, at 1 MB at most, since a growing file
 *     is re-sent whole
 * @param maxTotalSize the oldest files are deleted while the store is larger than this; a file a
 *     writer (in any process) still appends to is never deleted
 * @param maxAge files last written longer ago than this are deleted; never null. Files also roll by
 *     time, every eighth of {@code maxAge} (at least a second, at most an hour), so that age
 *     retention, which deletes whole files, stays close to it
 * @param dedupWindow a failure with the same fingerprint inside this window reuses the earlier dump
 *     ({@link Duration#ZERO} turns dedup off); never null
 * @param maxDumpsPerSecond dumps written per second at most, across all threads; more are dropped
 *     and counted
 * @param application the application name written into each dump, or {@code null}
 * @param limits value capture bounds and redaction; never null
 * @param upload where a daemon thread ships the store ({@code s3://bucket[/prefix]}), or {@code
 *     null} for a local store only
 */
public record WriterSettings(
    Path directory,
    long maxFileSize,
    long maxTotalSize,
    Duration maxAge,
    Duration dedupWindow,
    int maxDumpsPerSecond,
    String application,
    CaptureLimits limits,
    URI upload) {

  public static final long DEFAULT_MAX_FILE_SIZE = 16L * 1024 * 1024;
  public static final long DEFAULT_MAX_TOTAL_SIZE = 256L * 1024 * 1024;
  public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(7);
  public static final Duration DEFAULT_DEDUP_WINDOW = Duration.ofSeconds(60);
  public static final int DEFAULT_MAX_DUMPS_PER_SECOND = 20;

  public WriterSettings {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(maxAge, "maxAge");
    Objects.requireNonNull(dedupWindow, "dedupWindow");
    Objects.requireNonNull(limits, "limits");
  }

  /** Settings of a local store only, without {@code upload}. */
  public WriterSettings(Path directory, long maxFileSize, long maxTotalSize, Duration maxAge, Duration dedupWindow,
      int maxDumpsPerSecond, String application, CaptureLimits limits) {
    this(directory, maxFileSize, maxTotalSize, maxAge, dedupWindow, maxDumpsPerSecond, application, limits, null);
  }

  /** The defaults for {@code directory}. */
  public static WriterSettings defaults(Path directory) {
    return new WriterSettings(
        directory,
        DEFAULT_MAX_FILE_SIZE,
        DEFAULT_MAX_TOTAL_SIZE,
        DEFAULT_MAX_AGE,
        DEFAULT_DEDUP_WINDOW,
        DEFAULT_MAX_DUMPS_PER_SECOND,
        null,
        CaptureLimits.DEFAULTS);
  }
}
