package dev.offlinedebug.internal.capture;

/**
 * What the capture decides about a recorded frame's locals from their names alone, worked out once
 * per call site of the agent's handlers instead of on every dump: each record of a site shares the
 * site's arrays of names and type names, so the decisions are kept by the identity of those arrays
 * (a frame merged from two records has arrays of its own, and is worked out each time, as before).
 * Bounded: a few hundred sites, one per slot, the last one seen wins. Thread-safe: a {@link Site}
 * is immutable, and a slot read racily holds a whole one or none.
 */
final class LocalSites {
  private static final int SLOTS = 512;

  private final Redaction redaction;
  private final Site[] sites = new Site[SLOTS];

  LocalSites(Redaction redaction) {
    this.redaction = redaction;
  }

  /**
   * The locals of a site: the first {@code count} of its names and types as the dump shows them,
   * whether the compiler kept no names, and whether each name alone makes its value redacted.
   */
  record Site(String[] recordedNames, String[] recordedTypes, String[] names, String[] types,
      boolean namesUnknown, boolean[] redactedNames) {
    int count() {
      return names.length;
    }
  }

  /** The site of a frame recorded with these arrays (of at least {@code count} elements). */
  Site of(String[] recordedNames, String[] recordedTypes, int count) {
    int slot = System.identityHashCode(recordedNames) & (SLOTS - 1);
    Site site = sites[slot];
    if (site == null || site.recordedNames() != recordedNames || site.recordedTypes() != recordedTypes
        || site.count() != count) {
      site = site(recordedNames, recordedTypes, count);
      sites[slot] = site;
    }
    return site;
  }

  private Site site(String[] recordedNames, String[] recordedTypes, int count) {
    String[] names = new String[count];
    String[] types = new String[count];
    boolean[] redacted = new boolean[count];
    for (int i = 0; i < count; i++) {
      names[i] = recordedNames[i] == null ? "local" + i : recordedNames[i];
      types[i] = recordedTypes[i] == null ? "java.lang.Object" : recordedTypes[i];
      redacted[i] = redaction.redactsName(names[i]);
    }
    return new Site(recordedNames, recordedTypes, names, types, Redaction.namesUnknown(recordedNames), redacted);
  }
}
