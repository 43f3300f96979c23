package dev.offlinedebug.codec;

import net.openhft.chronicle.bytes.Bytes;

/**
 * The two scratch buffers of an encode, kept per thread: allocating Chronicle's reference-counted
 * buffers per dump costs more than encoding a small one. A buffer grown past {@link #KEEP_BYTES}
 * by a large dump is dropped, so a thread keeps little memory; a nested encode on the same thread
 * gets fresh buffers.
 */
final class EncodeBuffers {
  private static final int KEEP_BYTES = 256 * 1024;
  private static final ThreadLocal<EncodeBuffers> PER_THREAD = ThreadLocal.withInitial(() -> new EncodeBuffers(true));

  final Bytes<byte[]> out = Bytes.allocateElasticOnHeap(4096);
  final Bytes<byte[]> body = Bytes.allocateElasticOnHeap(4096);
  private final boolean kept;
  private boolean inUse;

  private EncodeBuffers(boolean kept) {
    this.kept = kept;
  }

  /** This thread's buffers, cleared; fresh ones when they are in use already. */
  static EncodeBuffers take() {
    EncodeBuffers buffers = PER_THREAD.get();
    if (buffers.inUse) {
      return new EncodeBuffers(false);
    }
    buffers.inUse = true;
    buffers.out.clear();
    buffers.body.clear();
    return buffers;
  }

  void giveBack() {
    inUse = false;
    if (!kept || out.realCapacity() > KEEP_BYTES || body.realCapacity() > KEEP_BYTES) {
      out.releaseLast();
      body.releaseLast();
      if (kept) {
        PER_THREAD.remove();
      }
    }
  }
}
