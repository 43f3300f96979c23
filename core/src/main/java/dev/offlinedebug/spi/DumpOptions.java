package dev.offlinedebug.spi;

import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The options both appenders accept, with identical names and string syntax, exactly as a user
 * writes them in {@code log4j2.xml} or {@code logback.xml}. Setters only store (a {@code null} or
 * blank value means "use the default"); {@link AppenderCore#start} parses and validates them and
 * reports every problem with the expected format through the framework's status channel.
 *
 * <table>
 *   <caption>Options and defaults</caption>
 *   <tr><th>option</th><th>syntax</th><th>default</th></tr>
 *   <tr><td>directory</td><td>path</td><td>{@code logs/dumps}</td></tr>
 *   <tr><td>maxFileSize</td><td>{@code <number>[KB|MB|GB]}</td><td>{@code 16MB}, or {@code maxTotalSize} when
 *       smaller</td></tr>
 *   <tr><td>maxTotalSize</td><td>{@code <number>[KB|MB|GB]}</td><td>{@code 256MB}</td></tr>
 *   <tr><td>maxAge</td><td>{@code <number>[ms|s|m|h|d]}</td><td>{@code 7d}</td></tr>
 *   <tr><td>minLevel</td><td>{@code TRACE|DEBUG|INFO|WARN|ERROR|FATAL}</td><td>{@code ERROR}</td></tr>
 *   <tr><td>maxDepth</td><td>integer &ge; 0</td><td>{@code 4}</td></tr>
 *   <tr><td>maxStringLength</td><td>integer &ge; 1</td><td>{@code 1024}</td></tr>
 *   <tr><td>maxCollectionElements</td><td>integer &ge; 1</td><td>{@code 64}</td></tr>
 *   <tr><td>maxDumpBytes</td><td>{@code <number>[KB|MB|GB]}</td><td>{@code 256KB}, or {@code maxFileSize} when
 *       smaller</td></tr>
 *   <tr><td>redact</td><td>comma-separated {@code name}, {@code type:<class>},
 *       {@code package:<package>}, {@code /<regex>/}</td><td>none beyond the built-in list</td></tr>
 *   <tr><td>redactUnnamed</td><td>{@code true|false}: redact strings, {@code char[]} and {@code
 *       byte[]} of locals whose names are unknown (classes compiled without {@code -g})</td>
 *       <td>{@code true}</td></tr>
 *   <tr><td>dedupWindow</td><td>{@code <number>[ms|s|m|h|d]} or {@code 0} (off)</td><td>{@code 60s}</td></tr>
 *   <tr><td>maxDumpsPerSecond</td><td>integer &ge; 1</td><td>{@code 20}</td></tr>
 *   <tr><td>upload</td><td>{@code s3://bucket[/prefix]}: also ship the store there (needs {@code
 *       offline-debug-s3}; credentials, region and endpoint from the standard AWS chain)</td>
 *       <td>none: local store only</td></tr>
 * </table>
 *
 * <p>Not thread-safe: configure, then start.
 *
 * @since 0.1
 */
public final class DumpOptions {
  /** The store directory used when {@code directory} is not set, relative to the working directory. */
  public static final String DEFAULT_DIRECTORY = "logs/dumps";

  /** The {@code minLevel} used when it is not set. */
  public static final Severity DEFAULT_MIN_LEVEL = Severity.ERROR;

  private String directory;
  private String maxFileSize;
  private String maxTotalSize;
  private String maxAge;
  private String minLevel;
  private String maxDepth;
  private String maxStringLength;
  private String maxCollectionElements;
  private String maxDumpBytes;
  private String redact;
  private String redactUnnamed;
  private String dedupWindow;
  private String maxDumpsPerSecond;
  private String upload;

  public void setDirectory(String directory) {
    this.directory = directory;
  }

  public void setMaxFileSize(String maxFileSize) {
    this.maxFileSize = maxFileSize;
  }

  public void setMaxTotalSize(String maxTotalSize) {
    this.maxTotalSize = maxTotalSize;
  }

  public void setMaxAge(String maxAge) {
    this.maxAge = maxAge;
  }

  public void setMinLevel(String minLevel) {
    this.minLevel = minLevel;
  }

  public void setMaxDepth(String maxDepth) {
    this.maxDepth = maxDepth;
  }

  public void setMaxStringLength(String maxStringLength) {
    this.maxStringLength = maxStringLength;
  }

  public void setMaxCollectionElements(String maxCollectionElements) {
    this.maxCollectionElements = maxCollectionElements;
  }

  public void setMaxDumpBytes(String maxDumpBytes) {
    this.maxDumpBytes = maxDumpBytes;
  }

  public void setRedact(String redact) {
    this.redact = redact;
  }

  public void setRedactUnnamed(String redactUnnamed) {
    this.redactUnnamed = redactUnnamed;
  }

  public void setDedupWindow(String dedupWindow) {
    this.dedupWindow = dedupWindow;
  }

  public void setMaxDumpsPerSecond(String maxDumpsPerSecond) {
    this.maxDumpsPerSecond = maxDumpsPerSecond;
  }

  public void setUpload(String upload) {
    this.upload = upload;
  }

  /** The configured directory, or the default; never null. Not validated. */
  public String getDirectory() {
    return isSet(directory) ? directory.trim() : DEFAULT_DIRECTORY;
  }

  /**
   * Parses every option; reports each problem to {@code errors} (so that one start lists them all).
   *
   * @return the settings, or {@code null} when any option is invalid
   */
  SinkSettings parse(Consumer<String> errors) {
    List<String> problems = new ArrayList<>();
    OptionSyntax syntax = new OptionSyntax(problems::add);
    CaptureLimits d = CaptureLimits.DEFAULTS;
    Path dir = path(getDirectory(), problems);
    long totalSize = or(maxTotalSize, WriterSettings.DEFAULT_MAX_TOTAL_SIZE, v -> syntax.size("maxTotalSize", v));
    // An unset size defaults to at most the sizes that bound it, so that setting only a small
    // maxTotalSize or maxFileSize is enough.
    long fileSize = or(maxFileSize, Math.min(WriterSettings.DEFAULT_MAX_FILE_SIZE, totalSize), v -> syntax.size("maxFileSize", v));
    Duration age = or(maxAge, WriterSettings.DEFAULT_MAX_AGE, v -> syntax.duration("maxAge", v, false));
    Severity level = or(minLevel, DEFAULT_MIN_LEVEL, v -> syntax.severity("minLevel", v));
    int depth = or(maxDepth, d.maxDepth(), v -> syntax.integer("maxDepth", v, 0));
    int strings = or(maxStringLength, d.maxStringLength(), v -> syntax.integer("maxStringLength", v, 1));
    int elements = or(maxCollectionElements, d.maxCollectionElements(), v -> syntax.integer("maxCollectionElements", v, 1));
    long dumpBytes = or(maxDumpBytes, Math.min(d.maxDumpBytes(), fileSize), v -> syntax.size("maxDumpBytes", v));
    List<String> rules = or(redact, d.redact(), v -> syntax.redactRules("redact", v));
    boolean unnamed = or(redactUnnamed, d.redactUnnamed(), v -> syntax.bool("redactUnnamed", v));
    Duration dedup = or(dedupWindow, WriterSettings.DEFAULT_DEDUP_WINDOW, v -> syntax.duration("dedupWindow", v, true));
    int rate = or(maxDumpsPerSecond, WriterSettings.DEFAULT_MAX_DUMPS_PER_SECOND, v -> syntax.integer("maxDumpsPerSecond", v, 1));
    URI uploadTo = or(upload, null, v -> syntax.upload("upload", v));
    if (problems.isEmpty() && fileSize > totalSize) {
      problems.add("maxFileSize (" + shown(maxFileSize, fileSize) + ") must not exceed maxTotalSize ("
          + shown(maxTotalSize, totalSize) + ")");
    }
    if (problems.isEmpty() && dumpBytes > Math.min(fileSize, Integer.MAX_VALUE)) {
      problems.add("maxDumpBytes (" + shown(maxDumpBytes, dumpBytes) + ") must not exceed maxFileSize ("
          + shown(maxFileSize, fileSize) + ") nor 2GB");
    }
    problems.forEach(errors);
    if (!problems.isEmpty()) {
      return null;
    }
    CaptureLimits limits = new CaptureLimits(depth, strings, elements, (int) dumpBytes, rules, unnamed);
    return new SinkSettings(
        new WriterSettings(dir, fileSize, totalSize, age, dedup, rate, null, limits, uploadTo), level);
  }

  /**
   * Parses and validates the options that shape the dump writer (all but {@code minLevel}), for
   * integrations that are not appenders, such as the JUnit extension.
   *
   * @return the settings, or {@code null} when any option is invalid; each problem went to {@code
   *     errors} with the expected format
   */
  public WriterSettings writerSettings(Consumer<String> errors) {
    SinkSettings settings = parse(errors);
    return settings == null ? null : settings.writer();
  }

  private static Path path(String value, List<String> problems) {
    try {
      return Path.of(value).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      problems.add("directory '" + value + "' is not a valid path: " + e.getReason());
      return null;
    }
  }

  /** A size option as the user wrote it, or its default value when it is not set. */
  private static String shown(String value, long effective) {
    return isSet(value) ? value.trim() : OptionSyntax.formatSize(effective) + " by default";
  }

  private static <T> T or(String value, T fallback, java.util.function.Function<String, T> parser) {
    if (!isSet(value)) {
      return fallback;
    }
    T parsed = parser.apply(value);
    return parsed != null ? parsed : fallback;
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }
}
