package dev.offlinedebug.replay;

import dev.offlinedebug.model.ThrowableGraph;
import dev.offlinedebug.spi.FrameReplay;

/** {@link Replayer} as the {@link FrameReplay} service that {@code OfflineDebug.replay} looks up. */
public final class GeneratedFrameReplay implements FrameReplay {
  /** For {@link java.util.ServiceLoader}. */
  public GeneratedFrameReplay() {}

  @Override
  public void replay(ThrowableGraph exception, int cause, Throwable rebuilt) throws Throwable {
    Replayer.replay(exception, cause, rebuilt);
  }
}
