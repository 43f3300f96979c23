package dev.offlinedebug.agent;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides from a class's name alone whether the agent may instrument it: JDK classes, the recorder
 * and the agent itself never; the rest of {@code dev.offlinedebug} (the capture, the demo) only
 * when an {@code include} glob names it; everything else when {@code include} matches (or is
 * empty) and {@code exclude} does not. Globs use dotted names; {@code *} matches any run of
 * characters including dots, so {@code com.acme.*} covers sub-packages.
 */
final class ClassFilter {
  private static final String[] NEVER = {
    "java/", "javax/", "jdk/", "sun/", "com/sun/", "dev/offlinedebug/locals/",
    "dev/offlinedebug/agent/"
  };
  private static final String OURS = "dev/offlinedebug/";

  private final Pattern include;
  private final Pattern exclude;

  ClassFilter(List<String> include, List<String> exclude) {
    this.include = include.isEmpty() ? null : toPattern(include);
    this.exclude = exclude.isEmpty() ? null : toPattern(exclude);
  }

  /** @param internalName the class name with slashes, as the JVM hands it to a transformer */
  boolean accepts(String internalName) {
    for (String prefix : NEVER) {
      if (internalName.startsWith(prefix)) {
        return false;
      }
    }
    if (include == null) {
      return !internalName.startsWith(OURS) && !excluded(internalName.replace('/', '.'));
    }
    String name = internalName.replace('/', '.');
    return include.matcher(name).matches() && !excluded(name);
  }

  private boolean excluded(String name) {
    return exclude != null && exclude.matcher(name).matches();
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
