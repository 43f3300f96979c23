package dev.offlinedebug.internal.codec;

/**
 * What decoding one record may materialise, so that a small crafted record cannot make a reader
 * run out of memory or time: an estimate of the heap the decoded dump takes, charged as it is
 * built, and the number of stack frames all throwables hold together. A throwable shares the
 * outer frames of the one it is printed under; each sharing costs a reference per frame, so a
 * chain of throwables sharing frames grows quadratically in frames from linear bytes, which
 * {@link #MAX_FRAMES} stops.
 *
 * <p>Estimates are in bytes of a 64-bit JVM with compressed references, rounded up; they need not
 * be exact, only proportional.
 */
final class DecodeBudget {
  /** Stack frames all throwables of one record may hold together, shared frames counted each time. */
  static final int MAX_FRAMES = 1_000_000;
  /** A record and what it decodes to may take this share of the heap: 1/4. */
  private static final int HEAP_SHARE = 4;

  static final int OBJECT = 48;
  static final int REFERENCE = 8;
  private static final int STRING = 48;

  private final long allowance;
  private long bytes;
  private long frames;

  DecodeBudget(long allowance) {
    this.allowance = allowance;
  }

  /** The budget of this JVM: a share of its maximum heap. */
  static DecodeBudget ofHeap() {
    return new DecodeBudget(heapAllowance());
  }

  /** Bytes one record may take in memory here, payload and decoded dump together. */
  static long heapAllowance() {
    return Runtime.getRuntime().maxMemory() / HEAP_SHARE;
  }

  /**
   * Why a payload of {@code length} bytes cannot be read into this JVM at all (it is held twice while
   * decoding), or {@code null} when it can.
   */
  static String payloadProblem(long length) {
    long allowance = heapAllowance();
    if (2 * length <= allowance) {
      return null;
    }
    return "a record of " + length + " bytes is too large to read with a maximum heap of "
        + (Runtime.getRuntime().maxMemory() >> 20) + " MB (give the JVM more, e.g. JDK_JAVA_OPTIONS=-Xmx2g)";
  }

  void charge(long estimate) {
    bytes += estimate;
    if (bytes > allowance) {
      throw new Exceeded("record expands beyond " + (allowance >> 20)
          + " MB in memory (a quarter of the maximum heap; give the JVM more, e.g. JDK_JAVA_OPTIONS=-Xmx2g)");
    }
  }

  /** {@code text} after charging for it. */
  String text(String text) {
    charge(text == null ? REFERENCE : STRING + 2L * text.length());
    return text;
  }

  /** Charges {@code count} more stack frames held by a throwable, {@code distinct} of them new objects. */
  void frames(long count, long distinct) {
    frames += count;
    if (frames > MAX_FRAMES) {
      throw new Exceeded("record expands to more than " + MAX_FRAMES
          + " stack frames (throwables sharing frames with each other)");
    }
    charge(count * REFERENCE + distinct * OBJECT);
  }

  /** A record past its budget; prints as its message alone, which already says what happened. */
  static final class Exceeded extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    Exceeded(String message) {
      super(message);
    }

    @Override
    public String toString() {
      return getMessage();
    }
  }
}
