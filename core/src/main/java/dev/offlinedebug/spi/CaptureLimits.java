package dev.offlinedebug.spi;

import java.util.List;

/**
 * Bounds and redaction rules for capturing values.
 *
 * @param maxDepth how many object levels below a local variable are captured
 * @param maxStringLength longer strings are cut to this many characters
 * @param maxCollectionElements elements or entries captured per array, collection or map
 * @param maxDumpBytes approximate upper bound of one encoded dump; values beyond it become {@code
 *     <truncated>}
 * @param redact extra redaction rules on top of the built-in list: names (matched after
 *     normalisation), {@code type:com.acme.Secret}, {@code package:com.acme.secrets} or {@code
 *     /regex/} for values; never null
 * @param redactUnnamed whether strings, {@code char[]} and {@code byte[]} held by locals whose
 *     names are unknown (classes compiled without {@code -g}: {@code arg1}, {@code local2}) are
 *     redacted
 */
public record CaptureLimits(
    int maxDepth,
    int maxStringLength,
    int maxCollectionElements,
    int maxDumpBytes,
    List<String> redact,
    boolean redactUnnamed) {

  /** The defaults documented in the README. */
  public static final CaptureLimits DEFAULTS = new CaptureLimits(4, 1024, 64, 256 * 1024, List.of());

  public CaptureLimits {
    redact = List.copyOf(redact);
  }

  /** With {@code redactUnnamed} on, its default. */
  public CaptureLimits(
      int maxDepth, int maxStringLength, int maxCollectionElements, int maxDumpBytes, List<String> redact) {
    this(maxDepth, maxStringLength, maxCollectionElements, maxDumpBytes, redact, true);
  }
}
