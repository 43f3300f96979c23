package dev.offlinedebug;

import dev.offlinedebug.model.ThreadInfo;
import dev.offlinedebug.model.ThrowableGraph;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One logged throwable as it was captured: the exception graph with the local variables of its
 * frames, and the logging event it came with. Read-only data: loading a dump never loads or runs a
 * class named in it; only {@link #rebuild()} may, and only for allowed classes.
 *
 * <pre>{@code
 * Dump dump = OfflineDebug.open(Path.of("logs/dumps")).load("od-...");
 * System.out.println(dump.exception().root().type());
 * throw dump.rebuild();
 * }</pre>
 *
 * @param id the dump's ID as rendered in the log line; never null
 * @param time when the throwable was logged, at microsecond precision or better; never null
 * @param host the host name; never null
 * @param pid the writing process's ID
 * @param jvm JVM vendor and version, e.g. {@code "Eclipse Adoptium 25+36-LTS"}; never null
 * @param application the configured application name, or {@code null}
 * @param thread the thread that logged the throwable; never null
 * @param logger the logger name, or {@code null} for a dump written by {@link OfflineDebug#save}
 * @param level the level name ({@code "ERROR"}), or {@code null} for a dump written by {@code save}
 * @param message the formatted log message, or {@code null}
 * @param mdc the MDC / thread context map; never null
 * @param markers marker names; never null
 * @param attributes further context, e.g. a failing test's unique ID; never null
 * @param localsCaptured whether the agent was active, so that frames it instruments carry locals
 * @param exception the logged throwable with its causes and suppressed throwables; never null
 * @since 0.1
 */
public record Dump(
    String id,
    Instant time,
    String host,
    long pid,
    String jvm,
    String application,
    ThreadInfo thread,
    String logger,
    String level,
    String message,
    Map<String, String> mdc,
    List<String> markers,
    Map<String, String> attributes,
    boolean localsCaptured,
    ThrowableGraph exception) {

  public Dump {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(jvm, "jvm");
    Objects.requireNonNull(thread, "thread");
    Objects.requireNonNull(exception, "exception");
    mdc = Map.copyOf(mdc);
    markers = List.copyOf(markers);
    attributes = Map.copyOf(attributes);
  }

  /**
   * Rebuilds the logged throwable: its original class when that class is loadable and allowed
   * (JDK packages, plus packages allowed with the system property {@code
   * offlinedebug.rebuild.allow}), otherwise a stand-in whose {@code toString()} names the original
   * type; with the original message, stack trace, causes and suppressed throwables.
   *
   * @return a new throwable; never null
   */
  public Throwable rebuild() {
    return dev.offlinedebug.internal.rebuild.ThrowableRebuilder.rebuild(exception());
  }
}
