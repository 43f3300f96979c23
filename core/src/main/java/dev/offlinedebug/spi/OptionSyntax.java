package dev.offlinedebug.spi;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Parses the string syntax of the appender options. Each method reports a problem to {@code errors}
 * with the option's name, its value and the expected format, and returns {@code null}; nothing
 * throws.
 */
final class OptionSyntax {
  static final String SIZE_FORMAT = "<number>[KB|MB|GB]";
  static final String DURATION_FORMAT = "<number>[ms|s|m|h|d]";

  private static final Pattern SIZE = Pattern.compile("(\\d{1,18})\\s*([KMG]?B)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern DURATION = Pattern.compile("(\\d{1,18})\\s*(ms|s|m|h|d)");

  /** A {@code /regex/} redaction rule, to the first {@code /} before a comma or the end, and that comma. */
  private static final Pattern REGEX_RULE = Pattern.compile("\\s*(/.*?/)\\s*(?:,|$)", Pattern.DOTALL);

  static final String UPLOAD_FORMAT = "s3://bucket[/prefix]";

  /** A bucket name as S3 accepts it, then an optional key prefix without query or fragment. */
  private static final Pattern UPLOAD = Pattern.compile("s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/[^?#@\\s]*)?");

  private final Consumer<String> errors;

  OptionSyntax(Consumer<String> errors) {
    this.errors = errors;
  }

  /** A byte count such as {@code 16MB}; a bare number counts bytes. Must be positive. */
  Long size(String option, String value) {
    Matcher m = SIZE.matcher(value.trim());
    if (!m.matches()) {
      return invalid(option, value, SIZE_FORMAT);
    }
    String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
    int shift = switch (unit) {
      case "KB" -> 10;
      case "MB" -> 20;
      case "GB" -> 30;
      default -> 0;
    };
    long number = Long.parseLong(m.group(1));
    if (number == 0 || number > (Long.MAX_VALUE >> shift)) {
      return invalid(option, value, "a size from 1B to 8EB as " + SIZE_FORMAT);
    }
    return number << shift;
  }

  /** {@code bytes} in the largest unit of {@link #SIZE_FORMAT} that divides it, e.g. {@code 100KB}. */
  static String formatSize(long bytes) {
    String[] units = {"GB", "MB", "KB"};
    for (int i = 0; i < units.length; i++) {
      int shift = 30 - 10 * i;
      if (bytes != 0 && bytes % (1L << shift) == 0) {
        return (bytes >> shift) + units[i];
      }
    }
    return bytes + "B";
  }

  /** A duration such as {@code 7d}, {@code 12h}, {@code 30m}; {@code 0} alone is allowed when {@code zeroAllowed}. */
  Duration duration(String option, String value, boolean zeroAllowed) {
    String trimmed = value.trim();
    if (zeroAllowed && trimmed.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = DURATION.matcher(trimmed);
    if (!m.matches()) {
      return invalid(option, value, zeroAllowed ? DURATION_FORMAT + " or 0" : DURATION_FORMAT);
    }
    long number = Long.parseLong(m.group(1));
    try {
      Duration d = switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(number);
        case "s" -> Duration.ofSeconds(number);
        case "m" -> Duration.ofMinutes(number);
        case "h" -> Duration.ofHours(number);
        default -> Duration.ofDays(number);
      };
      if (d.isZero() && !zeroAllowed) {
        return invalid(option, value, "a positive " + DURATION_FORMAT);
      }
      return d;
    } catch (ArithmeticException tooLong) {
      return invalid(option, value, DURATION_FORMAT + " of at most 10^12 days");
    }
  }

  /** A whole number of at least {@code min}. */
  Integer integer(String option, String value, int min) {
    String expected = "<integer >= " + min + ">";
    try {
      int n = Integer.parseInt(value.trim());
      return n >= min ? n : invalid(option, value, expected);
    } catch (NumberFormatException e) {
      return invalid(option, value, expected);
    }
  }

  /** {@code true} or {@code false}, in any case. */
  Boolean bool(String option, String value) {
    String trimmed = value.trim();
    if (trimmed.equalsIgnoreCase("true") || trimmed.equalsIgnoreCase("false")) {
      return Boolean.valueOf(trimmed);
    }
    return invalid(option, value, "true|false");
  }

  /**
   * An object-storage location, {@code s3://bucket[/prefix]}. A value with user info ({@code
   * key:secret@bucket}) is refused without being repeated: credentials come from the AWS chain,
   * never from a configuration file, and never go to the status channel.
   */
  URI upload(String option, String value) {
    String trimmed = value.trim();
    if (trimmed.contains("@")) {
      errors.accept(option + " must not carry credentials (they come from the standard AWS chain: environment,"
          + " profile, container or instance role); expected " + UPLOAD_FORMAT);
      return null;
    }
    if (!UPLOAD.matcher(trimmed).matches()) {
      return invalid(option, value, UPLOAD_FORMAT);
    }
    return URI.create(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
  }

  /** One of {@link Severity#FORMAT}. */
  Severity severity(String option, String value) {
    Severity s = Severity.named(value);
    return s != null ? s : invalid(option, value, Severity.FORMAT);
  }

  /**
   * Comma-separated redaction rules: names, {@code type:<class>}, {@code package:<package>}, or
   * {@code /regex/}. A rule that starts with {@code /} runs to the next {@code /} that ends the
   * value or precedes a comma, so that a regex may hold commas ({@code /[0-9]{1,3}/}). Empty
   * entries are skipped.
   */
  List<String> redactRules(String option, String value) {
    List<String> rules = new ArrayList<>();
    boolean ok = true;
    int start = 0;
    while (start <= value.length()) {
      Matcher regex = REGEX_RULE.matcher(value).region(start, value.length());
      String rule;
      if (regex.lookingAt()) {
        rule = regex.group(1);
        start = regex.end();
      } else {
        int comma = value.indexOf(',', start);
        int end = comma < 0 ? value.length() : comma;
        rule = value.substring(start, end).trim();
        start = end + 1;
      }
      if (rule.isEmpty()) {
        continue;
      }
      ok &= validRule(option, rule);
      rules.add(rule);
    }
    return ok ? rules : null;
  }

  private boolean validRule(String option, String rule) {
    String expected = "<name>|type:<class>|package:<package>|/<regex>/";
    if (rule.startsWith("/")) {
      if (rule.length() < 3 || !rule.endsWith("/")) {
        invalid(option, rule, expected);
        return false;
      }
      try {
        Pattern.compile(rule.substring(1, rule.length() - 1));
      } catch (PatternSyntaxException e) {
        errors.accept(option + " rule '" + rule + "' is not a valid regular expression: " + e.getDescription());
        return false;
      }
    } else if ((rule.startsWith("type:") || rule.startsWith("package:"))
        && rule.substring(rule.indexOf(':') + 1).isBlank()) {
      invalid(option, rule, expected);
      return false;
    }
    return true;
  }

  private <T> T invalid(String option, String value, String expected) {
    errors.accept(option + " '" + value + "' is not in the expected format (" + expected + ")");
    return null;
  }
}
