package dev.offlinedebug.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The agent's argument string: {@code key=value} options separated by {@code ;} or {@code ,}. A
 * part without {@code =} adds another glob to the option before it, so both {@code
 * include=com.a.*;com.b.*} and {@code include=com.a.*;exclude=com.a.gen.*} read naturally.
 */
final class AgentOptions {
  final List<String> include = new ArrayList<>();
  final List<String> exclude = new ArrayList<>();
  int maxFrames = 64;
  int maxExceptionsPerSecond = 1000;
  boolean inliningGuard = true;
  boolean retransform = true;
  boolean verbose;

  static AgentOptions parse(String arguments) {
    AgentOptions options = new AgentOptions();
    if (arguments == null) {
      return options;
    }
    String key = null;
    for (String part : arguments.split("[;,]")) {
      String token = part.trim();
      if (token.isEmpty()) {
        continue;
      }
      int equals = token.indexOf('=');
      String value = token;
      if (equals >= 0) {
        key = token.substring(0, equals).trim();
        value = token.substring(equals + 1).trim();
      } else if (key == null) {
        throw new IllegalArgumentException("agent option '" + token
            + "' is not in the expected format (key=value[;key=value...])");
      }
      options.set(key, value);
    }
    return options;
  }

  private void set(String key, String value) {
    switch (key.toLowerCase(Locale.ROOT)) {
      case "include" -> addGlob(include, value);
      case "exclude" -> addGlob(exclude, value);
      case "maxframes" -> maxFrames = positive(key, value);
      case "maxexceptionspersecond" -> maxExceptionsPerSecond = positive(key, value);
      case "inliningguard" -> inliningGuard = bool(key, value);
      case "retransform" -> retransform = bool(key, value);
      case "verbose" -> verbose = bool(key, value);
      default -> throw new IllegalArgumentException("unknown agent option '" + key
          + "' (expected include, exclude, maxFrames, maxExceptionsPerSecond, inliningGuard,"
          + " retransform, verbose)");
    }
  }

  private static void addGlob(List<String> globs, String value) {
    if (!value.isEmpty()) {
      globs.add(value);
    }
  }

  private static int positive(String key, String value) {
    try {
      int parsed = Integer.parseInt(value);
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below with the expected format
    }
    throw new IllegalArgumentException("agent option " + key + "='" + value
        + "' is not in the expected format (a positive integer)");
  }

  private static boolean bool(String key, String value) {
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new IllegalArgumentException("agent option " + key + "='" + value
        + "' is not in the expected format (true|false)");
  }
}
