package dev.offlinedebug.rebuild;

import java.util.Objects;

/**
 * Stands in for a throwable whose class may not be used on rebuild (not allowed, or not loadable
 * here). It prints as the original did: {@link #toString()} is the original's, so {@code
 * printStackTrace} shows the original header line, frames, causes and suppressed throwables.
 *
 * @since 0.1
 */
public final class RebuiltThrowable extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String originalType;
  private final String description;

  /**
   * @param originalType the class name of the original throwable; never null
   * @param message the original {@code getMessage()}, or {@code null}
   * @param description the original {@code toString()}; never null
   */
  public RebuiltThrowable(String originalType, String message, String description) {
    super(message);
    this.originalType = Objects.requireNonNull(originalType, "originalType");
    this.description = Objects.requireNonNull(description, "description");
    setStackTrace(new StackTraceElement[0]);
  }

  /** The class name of the original throwable; never null. */
  public String originalType() {
    return originalType;
  }

  /** The original's {@code toString()}. */
  @Override
  public String toString() {
    return description;
  }

  /**
   * Does not record the current stack: a stand-in carries the original's trace, set with {@link
   * #setStackTrace}, so walking the rebuilding thread's stack would be wasted work.
   */
  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
