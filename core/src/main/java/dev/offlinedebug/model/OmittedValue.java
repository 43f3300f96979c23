package dev.offlinedebug.model;

import java.util.Objects;

/**
 * A value that was deliberately or necessarily not captured.
 *
 * @param reason why the value is missing; never null
 * @param type the value's type name where known, else {@code null}
 * @since 0.1
 */
public record OmittedValue(Reason reason, String type) implements Value {
  public OmittedValue {
    Objects.requireNonNull(reason, "reason");
  }

  /** Why a value is missing, with the marker text the JSON export and the CLI show for it. */
  public enum Reason {
    /** Matched a redaction rule: a sensitive name, type, package or value pattern. */
    REDACTED("<redacted>"),
    /** Beyond {@code maxDepth} or the dump's {@code maxDumpBytes}. */
    TRUNCATED("<truncated>"),
    /** Could not be read without running user code or breaking module encapsulation. */
    UNAVAILABLE("<unavailable>");

    private final String marker;

    Reason(String marker) {
      this.marker = marker;
    }

    /** {@code "<redacted>"}, {@code "<truncated>"} or {@code "<unavailable>"}. */
    public String marker() {
      return marker;
    }
  }
}
