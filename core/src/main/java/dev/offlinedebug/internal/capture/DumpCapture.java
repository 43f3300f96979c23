package dev.offlinedebug.internal.capture;

import dev.offlinedebug.Dump;
import dev.offlinedebug.locals.RecordedFrame;
import dev.offlinedebug.locals.UnwindRecorder;
import dev.offlinedebug.model.ThreadInfo;
import dev.offlinedebug.model.ThrowableGraph;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.spi.CaptureLimits;
import dev.offlinedebug.spi.LoggedEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.BiFunction;

/**
 * Turns a live throwable, the locals the agent recorded for it, and its logging event into an
 * immutable {@link Dump}: bounded by {@link CaptureLimits}, redacted, and without running user code.
 * Thread-safe.
 *
 * <p>Application code that may run: only what {@code printStackTrace} runs too ({@code getMessage},
 * {@code toString}, {@code getCause}, {@code getSuppressed}, {@code getStackTrace} of the
 * throwables). Values are read from fields, never through methods of application classes.
 *
 * @since 0.1
 */
public final class DumpCapture {
  /** The MDC value that stands for a redacted one (the MDC holds strings only). */
  static final String REDACTED_TEXT = "<redacted>";

  private final CaptureLimits limits;
  private final String application;
  private final Redaction redaction;
  private final GraphCapture graphs;
  private final BooleanSupplier agentActive;

  /**
   * @param limits bounds and redaction rules; never null
   * @param application the application name written into each dump, or {@code null}
   * @throws IllegalArgumentException when a redaction rule is not in the expected format
   */
  public DumpCapture(CaptureLimits limits, String application) {
    this(limits, application, UnwindRecorder::take, UnwindRecorder::agentActive);
  }

  /** With the agent's records replaced, for tests that hand-make the locals of frames. */
  DumpCapture(
      CaptureLimits limits,
      String application,
      BiFunction<Throwable, StackTraceElement[], List<RecordedFrame>> recorded,
      BooleanSupplier agentActive) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.application = application;
    this.redaction = new Redaction(limits.redact(), limits.redactUnnamed());
    this.graphs = new GraphCapture(new FrameFormat(), new LocalSites(redaction), recorded);
    this.agentActive = agentActive;
  }

  /**
   * Captures {@code thrown}: the exception graph, the locals recorded for each throwable in it
   * ({@code UnwindRecorder.take}), host, pid, JVM and the event's data. Never throws: what cannot
   * be read becomes an {@code <unavailable>} value.
   *
   * @param id the ID the store assigned to this dump; never null
   * @param event the logging event, or {@code null} for {@link LoggedEvent#standalone()}
   * @return never null
   */
  public Dump capture(String id, Throwable thrown, LoggedEvent event) {
    String dumpId = id == null ? "" : id;
    LoggedEvent logged = event == null ? LoggedEvent.standalone() : event;
    ByteBudget budget = new ByteBudget(limits.maxDumpBytes());
    ThreadInfo thread = logged.thread();
    String threadName = budget.text(thread.name());
    String logger = budget.text(logged.logger());
    String message = budget.text(logged.message());
    Map<String, String> mdc = pairs(redactMdc(logged.mdc()), budget);
    List<String> markers = texts(logged.markers(), budget);
    Map<String, String> attributes = pairs(logged.attributes(), budget);
    ThrowableGraph graph;
    try {
      graph =
          thrown == null
              ? placeholder("null")
              : graphs.capture(thrown, new ValueCapture(limits, redaction, budget), budget);
    } catch (Throwable e) {
      // Whatever the application's throwable did to the capture (even a checked exception thrown
      // sneakily), the dump keeps at least the logged throwable and its trace.
      graph = bare(thrown);
    }
    return new Dump(
        dumpId,
        logged.time(),
        HostFacts.HOST,
        HostFacts.PID,
        HostFacts.JVM,
        application,
        new ThreadInfo(threadName, thread.id(), thread.daemon(), thread.priority()),
        logger,
        logged.level(),
        message,
        mdc,
        markers,
        attributes,
        agentActive(),
        graph);
  }

  /** {@code map} with keys and values cut to the budget; entries past it are left out and counted. */
  private static Map<String, String> pairs(Map<String, String> map, ByteBudget budget) {
    if (map.isEmpty()) {
      return Map.of(); // most events: no copy to make
    }
    Map<String, String> kept = new LinkedHashMap<>();
    int left = map.size();
    for (Map.Entry<String, String> e : map.entrySet()) {
      if (budget.exhausted()) {
        kept.put(GraphCapture.CUT, left + " more entries");
        break;
      }
      kept.put(budget.text(e.getKey()), budget.text(e.getValue()));
      left--;
    }
    return kept;
  }

  private static List<String> texts(List<String> texts, ByteBudget budget) {
    if (texts.isEmpty()) {
      return List.of();
    }
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      if (budget.exhausted()) {
        kept.add(GraphCapture.CUT + " " + (texts.size() - i) + " more");
        break;
      }
      kept.add(budget.text(texts.get(i)));
    }
    return kept;
  }

  private boolean agentActive() {
    try {
      return agentActive.getAsBoolean();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  private Map<String, String> redactMdc(Map<String, String> mdc) {
    if (mdc.isEmpty()) {
      return mdc;
    }
    Map<String, String> redacted = new LinkedHashMap<>(mdc);
    for (Map.Entry<String, String> e : redacted.entrySet()) {
      String value = e.getValue();
      if (redaction.redactsName(e.getKey()) || (value != null && redaction.redactsText(value))) {
        e.setValue(REDACTED_TEXT);
      }
    }
    return redacted;
  }

  /** The logged throwable alone with its trace, when capturing the full graph failed. */
  private ThrowableGraph bare(Throwable thrown) {
    try {
      return graphs.bare(thrown, new ByteBudget(limits.maxDumpBytes()));
    } catch (Throwable e) {
      return placeholder(thrown.getClass().getName());
    }
  }

  private static ThrowableGraph placeholder(String type) {
    return new ThrowableGraph(
        List.of(new ThrowableInfo(type, null, type, List.of(), ThrowableInfo.NO_CAUSE, List.of(), Map.of())));
  }
}
