package dev.offlinedebug.s3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The first {@code length} bytes of a file as a stream: what is uploaded of a store file that its
 * writer may be appending to meanwhile, so that the request's length and body agree.
 */
final class FilePrefix extends InputStream {
  private final FileChannel channel;
  private long remaining;

  FilePrefix(Path file, long length) throws IOException {
    this.channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    this.remaining = length;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (remaining <= 0) {
      return -1;
    }
    int n = channel.read(ByteBuffer.wrap(buffer, offset, (int) Math.min(length, remaining)));
    if (n < 0) {
      throw new IOException("store file shrank while it was uploaded");
    }
    remaining -= n;
    return n;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
