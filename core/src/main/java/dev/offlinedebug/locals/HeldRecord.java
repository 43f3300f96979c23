package dev.offlinedebug.locals;

import java.lang.ref.SoftReference;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * The frames recorded for one throwable while it is not yet logged. The throwable is held weakly
 * and the frames softly, so that neither the record nor the values it holds can keep memory the
 * application needs: the JVM clears soft references before it throws {@code OutOfMemoryError}.
 * Released (values dropped) when taken, when stale, or when evicted by the global bound.
 */
final class HeldRecord {
  private final WeakReference<Throwable> key;
  private final long started;
  /** Null when released or when the throwable is not recorded (rate limit, shared throwable). */
  private volatile SoftReference<List<RecordedFrame>> frames;
  /** The last frame's method caught the throwable and has not let it go yet. */
  private boolean handling;

  HeldRecord(Throwable key, long started, boolean recorded) {
    this.key = new WeakReference<>(key);
    this.started = started;
    this.frames = recorded ? new SoftReference<>(new ArrayList<>(8)) : null;
  }

  boolean isFor(Throwable thrown) {
    return key.get() == thrown;
  }

  /** Whether this record holds frames that can still be taken. */
  boolean isHeld() {
    SoftReference<List<RecordedFrame>> held = frames;
    return held != null && held.get() != null && key.get() != null;
  }

  /** Whether the throwable was collected, the frames were cleared or released, or the record is older than {@code maxAge}. */
  boolean isStale(long now, long maxAgeNanos) {
    return !isHeld() || now - started > maxAgeNanos;
  }

  /**
   * Appends {@code frame}, or merges it into the last frame while that frame's method still handles
   * the throwable (a {@code finally} or {@code catch} that rethrows is the same call). Nothing once
   * released or {@code maxFrames} long. Called under the ring's monitor.
   *
   * @param caught whether the throwable is entering a handler of the frame's method
   */
  void add(RecordedFrame frame, boolean caught, int maxFrames) {
    List<RecordedFrame> list = list();
    if (list == null) {
      return;
    }
    int lastIndex = list.size() - 1;
    if (handling && list.get(lastIndex).sameMethod(frame)) {
      list.set(lastIndex, list.get(lastIndex).withMissingLocalsOf(frame));
    } else if (list.size() < maxFrames) {
      list.add(frame);
    } else {
      caught = false;
    }
    handling = caught;
  }

  /** The throwable leaves the method whose handlers it entered. Called under the ring's monitor. */
  void leave(String className, String methodName) {
    List<RecordedFrame> list = list();
    if (handling && list != null && list.get(list.size() - 1).sameMethod(className, methodName)) {
      handling = false;
    }
  }

  /** The throwable, or null once collected. */
  Throwable throwable() {
    return key.get();
  }

  /** A copy of the frames, or null when none are held. Called under the ring's monitor. */
  List<RecordedFrame> copy() {
    List<RecordedFrame> list = list();
    return list == null || list.isEmpty() ? null : List.copyOf(list);
  }

  private List<RecordedFrame> list() {
    SoftReference<List<RecordedFrame>> held = frames;
    return held == null ? null : held.get();
  }

  /** The frames, or null when there are none; releases the record. Called under the ring's monitor. */
  List<RecordedFrame> take() {
    SoftReference<List<RecordedFrame>> held = frames;
    List<RecordedFrame> list = held == null ? null : held.get();
    release();
    return list == null || list.isEmpty() ? null : list;
  }

  /** Drops the frames now, whoever still refers to this record. Safe from any thread. */
  void release() {
    SoftReference<List<RecordedFrame>> held = frames;
    frames = null;
    if (held != null) {
      held.clear();
    }
  }
}
