package dev.offlinedebug;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A dump record is damaged or not a dump. The message is one line naming the file and the byte
 * offset: {@code "logs/dumps/x.dumps: corrupt dump record at offset 4096: length 9999999 exceeds
 * file"}.
 *
 * @since 0.1
 */
public class DumpFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final long offset;

  public DumpFormatException(Path file, long offset, String problem) {
    this(file, offset, problem, null);
  }

  public DumpFormatException(Path file, long offset, String problem, Throwable cause) {
    super(file + ": corrupt dump record at offset " + offset + ": " + problem, cause);
    this.file = file;
    this.offset = offset;
  }

  /** The damaged file; never null. */
  public Path file() {
    return file;
  }

  /** The byte offset in {@link #file()} where the damage was found. */
  public long offset() {
    return offset;
  }
}
