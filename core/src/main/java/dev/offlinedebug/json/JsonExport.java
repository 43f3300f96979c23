package dev.offlinedebug.json;

import dev.offlinedebug.Dump;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes a dump as JSON with the stable field names of the export contract:
 *
 * <pre>{@code
 * {"id", "time", "host", "pid", "jvm", "application", "thread": {"name", "id", "daemon", "priority"},
 *  "logger", "level", "message", "mdc": {}, "markers": [], "attributes": {}, "locals_captured",
 *  "exception": {"index", "type", "message", "description", "fields": {},
 *                "frames": [{"class", "method", "file", "line", "module", "module_version",
 *                            "class_loader", "locals_captured",
 *                            "locals": [{"name", "type", "value"}]}],
 *                "cause", "suppressed": []}}
 * }</pre>
 *
 * <p>A value is a JSON scalar for primitives, boxes and strings (a string cut to {@code
 * maxStringLength} is written cut); {@code {"type", "value"}} for JDK values kept as text (enum
 * constants, {@code BigDecimal}, {@code UUID}, {@code java.time}); {@code {"type", "id", "fields":
 * {}}} for objects, {@code {"type", "id", "length", "elements": []}} for arrays and collections,
 * {@code {"type", "id", "size", "entries": [[k, v], ...]}} for maps; {@code {"type", "value",
 * "throwable"}} for a throwable of the dump's exception graph held by a local, field or element, where
 * {@code value} is its header line ({@code "java.io.IOException: reset"}) and {@code throwable} the
 * {@code index} of its exception object (since 0.2; a throwable outside the graph is a {@code {"type",
 * "value"}} text value with that header line); {@code {"ref": id}} for a
 * further reference to the container with that {@code id}; and {@code "<redacted>"}, {@code
 * "<truncated>"} or {@code "<unavailable>"} for what was not captured. {@code char}s are
 * one-character strings; NaN and infinities are the strings {@code "NaN"}, {@code "Infinity"}, {@code
 * "-Infinity"}.
 *
 * <p>Each throwable is written once, at its first occurrence (the cause of its first referrer, or a
 * suppressed entry); later occurrences, shared or closing a cycle of causes, are {@code {"ref":
 * index}} naming the {@code index} of the throwable's object. Throwable and value references are
 * told apart by where they stand. Writing needs no recursion, so a cause chain any depth deep
 * exports.
 *
 * <p>The output is bounded: after 64 Mi characters, whatever is still to be written (a value, a
 * throwable, the rest of a {@code frames} list) is the string {@code "<truncated>"} and the document
 * is closed, still valid JSON. Throwables that share frames repeat them, so a small crafted dump could
 * otherwise export gigabytes.
 *
 * @since 0.1
 */
public final class JsonExport {
  private JsonExport() {}

  /** The dump as one JSON document; never null. */
  public static String toJson(Dump dump) {
    StringBuilder out = new StringBuilder(4096);
    try {
      write(dump, out);
    } catch (IOException e) {
      throw new UncheckedIOException("a StringBuilder does not fail", e);
    }
    return out.toString();
  }

  /** Writes the dump as one JSON document to {@code out}, which stays open. */
  public static void write(Dump dump, Appendable out) throws IOException {
    new JsonWriter(out, dump.exception()).write(dump);
  }
}
