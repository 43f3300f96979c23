package dev.offlinedebug.replay;

import dev.offlinedebug.Dump;

/**
 * Replay JVM main for tests: replays the {@linkplain SampleDumps#named sample dump} named by the
 * first argument (built in the child: what these tests check needs no dump store) with the cause
 * given as the second.
 */
public final class HandMadeReplayMain {
  private HandMadeReplayMain() {}

  public static void main(String[] args) throws Throwable {
    Dump dump = SampleDumps.named(args[0]);
    Replayer.replay(dump.exception(), Integer.parseInt(args[1]), dump.rebuild());
  }
}
