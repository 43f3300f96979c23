package dev.offlinedebug.internal.store;

import dev.offlinedebug.model.ThrowableGraph;
import java.nio.charset.StandardCharsets;

/**
 * The fingerprint of the last dump a writer summarised, in UTF-8, for the summary entry of the
 * next: built again only when that dump's fingerprint differs ({@link Fingerprint#same}), so that a
 * burst of one failure, the case where the logging thread writes most entries, builds it once. Holds
 * the last dump's graph. Not thread-safe: {@link StoreAppender} uses it under its lock.
 */
final class LastFingerprint {
  private ThrowableGraph graph;
  private byte[] utf8;

  /** The fingerprint of {@code next}, in UTF-8; never null. */
  byte[] of(ThrowableGraph next) {
    if (graph == null || !Fingerprint.same(graph, next)) {
      utf8 = Fingerprint.of(next).getBytes(StandardCharsets.UTF_8);
    }
    graph = next;
    return utf8;
  }
}
