package dev.offlinedebug.rebuild;

import dev.offlinedebug.Dump;

/** Turns a dump's exception graph back into throwables. */
public final class ThrowableRebuilder {
  private ThrowableRebuilder() {}

  /** See {@link Dump#rebuild()}. */
  public static Throwable rebuild(Dump dump) {
    throw new UnsupportedOperationException("rebuild");
  }
}
