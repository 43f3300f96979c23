package dev.offlinedebug.spi;

import dev.offlinedebug.model.ThrowableGraph;

/**
 * Throws a rebuilt throwable through generated frames that hold a dump's captured locals. The
 * module {@code offline-debug-replay} provides it; {@link dev.offlinedebug.OfflineDebug#replay}
 * finds it with {@link java.util.ServiceLoader}, so that core needs no class generator.
 *
 * @since 0.1
 */
public interface FrameReplay {
  /**
   * Throws {@code rebuilt}'s {@code cause}-th cause through generated frames replaying the stack of
   * {@code exception}'s {@code cause}-th cause.
   *
   * @param exception the dump's exception graph
   * @param cause {@code 0} for the logged throwable, {@code n} for its n-th cause
   * @param rebuilt the throwable {@code exception} was rebuilt into
   * @throws IllegalArgumentException when the cause chain is shorter than {@code cause}
   * @throws Throwable always: the rebuilt throwable, from the innermost replayed frame
   */
  void replay(ThrowableGraph exception, int cause, Throwable rebuilt) throws Throwable;
}
