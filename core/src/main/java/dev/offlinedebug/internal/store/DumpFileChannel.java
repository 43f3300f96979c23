package dev.offlinedebug.internal.store;

import dev.offlinedebug.DumpFormatException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Opens a dump file for reading, refusing anything but a regular file before opening it: opening a
 * FIFO blocks until some writer comes, and a device such as {@code /dev/zero} never ends.
 */
final class DumpFileChannel {
  private DumpFileChannel() {}

  /**
   * @throws java.nio.file.NoSuchFileException when {@code file} does not exist
   * @throws DumpFormatException when it is not a regular file
   */
  static FileChannel openForRead(Path file) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    if (!attributes.isRegularFile()) {
      throw new DumpFormatException(file, 0, "not a regular file (a "
          + (attributes.isDirectory() ? "directory" : "FIFO, socket or device") + "), so not a dump");
    }
    return FileChannel.open(file, StandardOpenOption.READ);
  }
}
