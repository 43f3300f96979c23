package dev.offlinedebug.locals;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a task after garbage collections, without a thread of ours: a small object nothing refers
 * to is finalized by the JVM's own finalizer thread once a collection finds it, and the next one
 * is made only while the task says there is more to do. So records of throwables that were
 * collected, or that grew old, are dropped even when no thread records or logs again.
 *
 * <p>Finalization is deprecated: on a JVM started with {@code --finalization=disabled} the task
 * simply never runs here, and the recording path's own sweeps and the bounds still apply.
 */
final class CollectionHook {
  private final AtomicBoolean armed = new AtomicBoolean();
  private final Task task;

  /** What runs after a collection. */
  interface Task {
    /** @return whether to run again after the next collection */
    boolean afterCollection();
  }

  CollectionHook(Task task) {
    this.task = task;
  }

  /** Makes sure the task runs after the next collection. Cheap when already armed. */
  void arm() {
    if (!armed.get() && armed.compareAndSet(false, true)) {
      new Sentinel(this);
    }
  }

  private void collected() {
    armed.set(false);
    boolean again;
    try {
      again = task.afterCollection();
    } catch (Throwable e) {
      again = true;
    }
    if (again) {
      arm();
    }
  }

  /** Unreachable as soon as it is made; its finalization is the signal. */
  private static final class Sentinel {
    private final CollectionHook hook;

    Sentinel(CollectionHook hook) {
      this.hook = hook;
    }

    @Override
    @SuppressWarnings({"deprecation", "removal"})
    protected void finalize() {
      hook.collected();
    }
  }
}
