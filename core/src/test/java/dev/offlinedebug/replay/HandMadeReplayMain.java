package dev.offlinedebug.replay;

import dev.offlinedebug.Dump;

/**
 * Replay JVM main for tests: replays {@link SampleDumps#orderDump()} (built in the child, as the
 * dump store is not needed for what these tests check) with the cause given as the only argument.
 */
public final class HandMadeReplayMain {
  private HandMadeReplayMain() {}

  public static void main(String[] args) throws Throwable {
    Dump dump = SampleDumps.orderDump();
    Replayer.replay(dump.exception(), Integer.parseInt(args[0]), SampleDumps.rebuild(dump.exception()));
  }
}
