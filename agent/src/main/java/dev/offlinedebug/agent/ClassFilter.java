package dev.offlinedebug.agent;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides from a class's name alone whether the agent may instrument it: JDK classes and the
 * agent's own never, then {@code include} (everything when empty) minus {@code exclude}. Globs use
 * dotted names; {@code *} matches any run of characters including dots, so {@code com.acme.*}
 * covers sub-packages.
 */
final class ClassFilter {
  private static final String[] NEVER = {
    "java/", "javax/", "jdk/", "sun/", "com/sun/", "dev/offlinedebug/"
  };
  /** The demo application lives under our namespace but is application code. */
  private static final String ALWAYS_ALLOWED = "dev/offlinedebug/examples/";

  private final Pattern include;
  private final Pattern exclude;

  ClassFilter(List<String> include, List<String> exclude) {
    this.include = include.isEmpty() ? null : toPattern(include);
    this.exclude = exclude.isEmpty() ? null : toPattern(exclude);
  }

  /** @param internalName the class name with slashes, as the JVM hands it to a transformer */
  boolean accepts(String internalName) {
    if (!internalName.startsWith(ALWAYS_ALLOWED)) {
      for (String prefix : NEVER) {
        if (internalName.startsWith(prefix)) {
          return false;
        }
      }
    }
    String name = internalName.replace('/', '.');
    return (include == null || include.matcher(name).matches())
        && (exclude == null || !exclude.matcher(name).matches());
  }

  private static Pattern toPattern(List<String> globs) {
    StringBuilder regex = new StringBuilder();
    for (String glob : globs) {
      if (regex.length() > 0) {
        regex.append('|');
      }
      for (char c : glob.toCharArray()) {
        switch (c) {
          case '*' -> regex.append(".*");
          case '?' -> regex.append('.');
          default -> regex.append(Pattern.quote(String.valueOf(c)));
        }
      }
    }
    return Pattern.compile(regex.toString());
  }
}
