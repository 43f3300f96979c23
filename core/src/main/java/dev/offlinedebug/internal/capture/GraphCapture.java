package dev.offlinedebug.internal.capture;

import dev.offlinedebug.locals.RecordedFrame;
import dev.offlinedebug.model.FrameInfo;
import dev.offlinedebug.model.LocalVariable;
import dev.offlinedebug.model.OmittedValue;
import dev.offlinedebug.model.ThrowableGraph;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.model.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Captures the exception graph of one dump: every throwable reachable through causes and suppressed
 * throwables, each once (by identity), in breadth-first order, without recursion, so that cycles,
 * shared throwables and cause chains thousands deep cost neither the stack nor repeated work.
 * Calls only the methods {@code printStackTrace} calls, and survives them throwing anything.
 *
 * <p>The trace comes first in the byte budget: each throwable's type, message and frames are
 * charged when it is reached, its fields and locals only after the whole graph. Within {@code
 * maxDumpBytes}, a throwable's frames take at most half of what is left, and what does not fit is
 * cut and counted: a message ends in {@code "<truncated> N more characters"}, a trace in a frame
 * {@code <truncated>.N more frames}, and causes and suppressed throwables beyond the budget in a
 * throwable of type {@code <truncated>} whose message counts them.
 *
 * <p>Fields and locals that hold a throwable of the graph point to it by index ({@code
 * ThrowableValue}): the locals of a retry loop's frame name the cause the dump prints.
 */
final class GraphCapture {
  /** The type, class name and file name of what stands for cut frames and throwables. */
  static final String CUT = OmittedValue.Reason.TRUNCATED.marker();
  /** A throwable's structure in the record besides its texts and frames; charged on reaching it. */
  private static final int THROWABLE_BYTES = 24;
  /** Causes counted at most past the cut, so that counting stays cheap on an endless chain. */
  private static final int MAX_COUNTED = 100_000;
  private static final String UNAVAILABLE = OmittedValue.Reason.UNAVAILABLE.marker();
  /**
   * Whether a throwable class has a header line of its own: it overrides {@code toString} or
   * {@code getLocalizedMessage}. Otherwise {@code toString()} is {@code type: message} by definition,
   * and is not called: building that text cost more than the rest of a throwable's header.
   */
  private static final ClassValue<Boolean> OWN_DESCRIPTION = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      try {
        return type.getMethod("toString").getDeclaringClass() != Throwable.class
            || type.getMethod("getLocalizedMessage").getDeclaringClass() != Throwable.class;
      } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
        return true;
      }
    }
  };

  private static final StackTraceElement[] NO_ELEMENTS = {};

  private final FrameFormat format;
  private final LocalSites sites;
  private final BiFunction<Throwable, StackTraceElement[], List<RecordedFrame>> recorded;

  /**
   * @param recorded the locals recorded for a throwable, given the stack trace the capture read
   *     from it ({@code null} when reading failed), innermost first
   */
  GraphCapture(FrameFormat format, LocalSites sites,
      BiFunction<Throwable, StackTraceElement[], List<RecordedFrame>> recorded) {
    this.format = format;
    this.sites = sites;
    this.recorded = recorded;
  }

  /** The graph under construction: throwables by identity, and what stands for the cut ones. */
  private final class Walk {
    final ByteBudget budget;
    final List<Throwable> order = new ArrayList<>();
    final List<Trace> traces = new ArrayList<>();
    // Sized for a usual chain: the default table is 0.5 KB.
    final Map<Throwable, Integer> index = new IdentityHashMap<>(8);
    final Map<String, Integer> cuts = new HashMap<>();

    Walk(ByteBudget budget) {
      this.budget = budget;
    }

    /** The index of {@code t}, reaching it now if new; {@code -1} when the budget has no room for it. */
    int reach(Throwable t) {
      Integer known = index.get(t);
      if (known != null) {
        budget.chargeInt(known);
        return known;
      }
      if (budget.exhausted()) {
        return -1;
      }
      budget.charge(THROWABLE_BYTES);
      index.put(t, order.size());
      order.add(t);
      traces.add(trace(t, budget));
      return order.size() - 1;
    }

    /** A {@code <truncated>} throwable saying what was cut; one per distinct message. */
    int cut(String message) {
      return cuts.computeIfAbsent(message, m -> {
        budget.charge(THROWABLE_BYTES);
        budget.chargeName(CUT);
        budget.text(m);
        order.add(null);
        traces.add(new Trace(CUT, m, CUT + ": " + m, null));
        return order.size() - 1;
      });
    }
  }

  /**
   * What a throwable prints: type, message, header line, and its frames, charged when it is
   * reached: the first {@code count} of {@code kept} (its stack trace without null elements), then,
   * when {@code cutFrames} is set, a frame saying how many more were cut. The frames themselves are
   * made once the graph is complete, each with the locals recorded for it: made on reaching the
   * throwable, a frame given locals was made twice.
   */
  private static final class Trace {
    final String type;
    final String message;
    final String description;
    /** As read, or null when reading it failed: what the agent's records are matched against. */
    final StackTraceElement[] stackTrace;
    StackTraceElement[] kept = NO_ELEMENTS;
    int count;
    String cutFrames;

    Trace(String type, String message, String description, StackTraceElement[] stackTrace) {
      this.type = type;
      this.message = message;
      this.description = description;
      this.stackTrace = stackTrace;
    }
  }

  ThrowableGraph capture(Throwable root, ValueCapture values, ByteBudget budget) {
    Walk walk = new Walk(budget);
    walk.order.add(root);
    walk.index.put(root, 0);
    walk.traces.add(trace(root, budget));
    List<Integer> causes = new ArrayList<>();
    List<List<Integer>> suppressed = new ArrayList<>();
    for (int i = 0; i < walk.order.size(); i++) {
      Throwable t = walk.order.get(i);
      causes.add(t == null ? ThrowableInfo.NO_CAUSE : causeIndex(t, walk));
      suppressed.add(t == null ? List.of() : suppressedIndexes(t, walk));
    }
    values.linkGraph(walk.index, i -> walk.traces.get(i).description);
    List<ThrowableInfo> infos = new ArrayList<>(walk.order.size());
    for (int i = 0; i < walk.order.size(); i++) {
      Throwable t = walk.order.get(i);
      Trace trace = walk.traces.get(i);
      Map<String, Value> fields = t == null ? Map.of() : FastThrowNote.addTo(t, ExceptionState.of(t, values));
      List<RecordedFrame> recorded = t == null ? List.of() : recordedFor(t, trace.stackTrace);
      infos.add(new ThrowableInfo(trace.type, trace.message, trace.description, frames(trace, recorded, values),
          causes.get(i), suppressed.get(i), fields));
    }
    return new ThrowableGraph(infos);
  }

  /** Only {@code thrown} with its trace, within the budget: when capturing the whole graph failed. */
  ThrowableGraph bare(Throwable thrown, ByteBudget budget) {
    Trace trace = trace(thrown, budget);
    return new ThrowableGraph(List.of(new ThrowableInfo(trace.type, trace.message, trace.description,
        frames(trace, List.of(), null), ThrowableInfo.NO_CAUSE, List.of(), Map.of())));
  }

  private int causeIndex(Throwable t, Walk walk) {
    Throwable cause = call(t::getCause, null);
    if (cause == null || cause == t) {
      return ThrowableInfo.NO_CAUSE;
    }
    int index = walk.reach(cause);
    return index >= 0 ? index : walk.cut(countCauses(cause, walk) + " more causes");
  }

  private List<Integer> suppressedIndexes(Throwable t, Walk walk) {
    Throwable[] all = call(t::getSuppressed, null);
    if (all == null) {
      return List.of();
    }
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < all.length; i++) {
      if (all[i] != null) {
        int index = walk.reach(all[i]);
        if (index < 0) {
          indexes.add(walk.cut((all.length - i) + " more suppressed"));
          break;
        }
        indexes.add(index);
      }
    }
    return indexes;
  }

  /** The causes from {@code first} on that the graph does not hold yet, {@value #MAX_COUNTED} at most. */
  private static String countCauses(Throwable first, Walk walk) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Throwable t = first;
    while (t != null && seen.size() < MAX_COUNTED && !walk.index.containsKey(t) && seen.add(t)) {
      Throwable current = t;
      t = call(current::getCause, null);
    }
    return seen.size() < MAX_COUNTED || t == null ? String.valueOf(seen.size()) : "at least " + MAX_COUNTED;
  }

  private Trace trace(Throwable t, ByteBudget budget) {
    String type = t.getClass().getName();
    budget.chargeName(type);
    String rawMessage = call(t::getMessage, UNAVAILABLE);
    String message = budget.text(rawMessage);
    String rawDescription = OWN_DESCRIPTION.get(t.getClass()) ? call(t::toString, null) : null;
    String description = rawDescription == null || isDefaultDescription(rawDescription, type, rawMessage)
        ? defaultDescription(type, message)
        : budget.text(rawDescription);
    Trace trace = new Trace(type, message, description, call(t::getStackTrace, null));
    if (trace.stackTrace != null) {
      chargeFrames(trace, budget);
    }
    return trace;
  }

  /** Whether {@code description} equals {@code defaultDescription(type, message)}, without building that. */
  private static boolean isDefaultDescription(String description, String type, String message) {
    if (message == null) {
      return description.equals(type);
    }
    return description.length() == type.length() + 2 + message.length() && description.startsWith(type)
        && description.startsWith(": ", type.length()) && description.endsWith(message);
  }

  /** {@code Throwable.toString()}'s own format, which the codec does not store again. */
  private static String defaultDescription(String type, String message) {
    return message == null ? type : type + ": " + message;
  }

  /**
   * Charges the frames of {@code trace}, innermost first, and keeps them in it, cut when they would
   * take more than half of what is left.
   */
  private void chargeFrames(Trace trace, ByteBudget budget) {
    StackTraceElement[] all = trace.stackTrace;
    // The elements themselves, until a null one is skipped: then a copy without the nulls.
    StackTraceElement[] kept = all;
    long floor = budget.remaining() - Math.max(0, budget.remaining()) / 2;
    int count = 0;
    for (int i = 0; i < all.length; i++) {
      StackTraceElement element = all[i];
      if (element == null) {
        kept = kept == all ? all.clone() : kept;
        continue;
      }
      if (budget.remaining() <= floor) {
        budget.chargeName(CUT);
        trace.cutFrames = (all.length - i) + " more frames";
        budget.chargeName(trace.cutFrames);
        break;
      }
      FrameFormat.Printed printed = format.printed(element);
      String module = element.getModuleName();
      String version = printed.version() ? element.getModuleVersion() : null;
      String loader = printed.loader() ? element.getClassLoaderName() : null;
      budget.chargeName(element.getClassName());
      budget.chargeName(element.getMethodName());
      budget.chargeName(element.getFileName());
      budget.chargeInt(element.getLineNumber());
      if (module != null || version != null || loader != null) {
        budget.chargeInt(count);
        budget.chargeName(module);
        budget.chargeName(version);
        budget.chargeName(loader);
      }
      kept[count++] = element;
    }
    trace.kept = kept;
    trace.count = count;
  }

  /** The frames of {@code trace}, each with the locals recorded for it, if any. */
  private List<FrameInfo> frames(Trace trace, List<RecordedFrame> recorded, ValueCapture values) {
    RecordedFrame[] matched = LocalsMatcher.match(trace.kept, trace.count, recorded);
    FrameInfo[] frames = new FrameInfo[trace.cutFrames == null ? trace.count : trace.count + 1];
    for (int i = 0; i < trace.count; i++) {
      RecordedFrame locals = matched == null ? null : matched[i];
      frames[i] = format.frame(trace.kept[i], locals == null ? null : locals(locals, values));
    }
    if (trace.cutFrames != null) {
      frames[trace.count] = new FrameInfo(CUT, trace.cutFrames, null, -1, null, null, null, false, List.of());
    }
    // From an array: List.copyOf of a growing list copied it twice.
    return List.of(frames);
  }

  private List<RecordedFrame> recordedFor(Throwable t, StackTraceElement[] stackTrace) {
    List<RecordedFrame> frames = call(() -> recorded.apply(t, stackTrace), null);
    return frames == null ? List.of() : frames;
  }

  private List<LocalVariable> locals(RecordedFrame frame, ValueCapture values) {
    String[] names = frame.names();
    String[] types = frame.types();
    Object[] live = frame.values();
    if (names == null || types == null || live == null) {
      return List.of();
    }
    LocalSites.Site site = sites.of(names, types, Math.min(names.length, Math.min(types.length, live.length)));
    LocalVariable[] locals = new LocalVariable[site.count()];
    for (int i = 0; i < locals.length; i++) {
      String name = site.names()[i];
      String type = site.types()[i];
      locals[i] = new LocalVariable(name, type,
          values.local(name, site.redactedNames()[i], live[i], type, site.namesUnknown()));
    }
    // The frame keeps this list as it is; an ArrayList it would copy twice.
    return List.of(locals);
  }

  /**
   * The result of a method of the throwable (application code), or {@code fallback} when it throws
   * anything at all: an {@code Error}, or a checked exception thrown sneakily, costs only that part.
   */
  private static <T> T call(Supplier<T> method, T fallback) {
    try {
      return method.get();
    } catch (Throwable e) {
      return fallback;
    }
  }
}
