package dev.offlinedebug.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Decides which values must not leave the process: by the name they are held under (local
 * variable, field, map key, MDC key), by their type or package, or by what a string looks like.
 *
 * <p>Names are normalised (lower-case, {@code _-$@.} and spaces removed) before matching. A term of
 * five letters or more matches anywhere in the normalised name ({@code dbPassword}, {@code
 * sessionId}, {@code x-auth-token}); a shorter term ({@code pin}, {@code otp}, {@code ssn}) must be
 * a whole word of the name split at camel case, digits and separators ({@code userPin}, {@code
 * PIN_CODE}), so that {@code spinner}, {@code shipping} or {@code footprint} stay visible. Thread
 * safe and immutable.
 */
final class Redaction {

  /** Built-in sensitive names, in normalised form. */
  static final List<String> BUILT_IN_NAMES =
      List.of(
          "password", "passwd", "pwd", "passphrase", "secret", "token", "apikey", "accesskey",
          "authorization", "auth", "cookie", "session", "jwt", "ssn", "cvv", "cvc", "creditcard",
          "cardnumber", "iban", "privatekey", "otp", "pin", "credential");

  private static final Pattern BEARER = Pattern.compile("(?i)\\bbearer\\s+[A-Za-z0-9._~+/-]{16,}");
  private static final Pattern JWT =
      Pattern.compile("\\beyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*");
  /** 13 to 19 digits starting as issued card numbers do (2-6), so epoch millis are not mistaken. */
  private static final Pattern CARD_CANDIDATE =
      Pattern.compile("(?<![0-9])[2-6](?:[ -]?[0-9]){12,18}(?![0-9])");
  private static final Pattern WORD_BOUNDARY =
      Pattern.compile("[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=[0-9])|(?<=[0-9])(?=[A-Za-z])");
  /** Names repeat (fields, locals, map keys): each is judged once, up to this many. */
  private static final int MAX_DECIDED_NAMES = 4096;
  /** Longer names (map keys can be any text) are judged each time rather than kept. */
  private static final int MAX_DECIDED_NAME_LENGTH = 64;
  /** Strings longer than this are only searched in their first characters, to bound the cost. */
  private static final int MAX_SCANNED_CHARS = 4096;

  private final List<String> anywhereTerms = new ArrayList<>();
  private final List<String> wordTerms = new ArrayList<>();
  private final List<String> types = new ArrayList<>();
  private final List<String> packages = new ArrayList<>();
  private final List<Pattern> valuePatterns = new ArrayList<>();
  private final Map<String, Boolean> decidedNames = new ConcurrentHashMap<>();
  private final ClassValue<Boolean> redactedTypes =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          return matchesTypeRule(type);
        }
      };

  /**
   * @param rules user rules: a name, {@code type:com.acme.Secret}, {@code package:com.acme.secrets}
   *     or {@code /regex/} matched against string values
   * @throws IllegalArgumentException when a rule is blank or a {@code /regex/} does not compile
   */
  Redaction(List<String> rules) {
    BUILT_IN_NAMES.forEach(this::addName);
    for (String rule : rules) {
      String trimmed = rule == null ? "" : rule.trim();
      if (trimmed.startsWith("type:") && trimmed.length() > 5) {
        types.add(trimmed.substring(5).trim());
      } else if (trimmed.startsWith("package:") && trimmed.length() > 8) {
        packages.add(trimmed.substring(8).trim());
      } else if (trimmed.length() > 2 && trimmed.startsWith("/") && trimmed.endsWith("/")) {
        valuePatterns.add(compile(trimmed));
      } else if (!normalise(trimmed).isEmpty()) {
        addName(normalise(trimmed));
      } else {
        throw new IllegalArgumentException(
            "Redaction rule '" + rule + "' is not in the expected format (name | type:TYPE | package:PACKAGE | /REGEX/)");
      }
    }
  }

  private static Pattern compile(String rule) {
    try {
      return Pattern.compile(rule.substring(1, rule.length() - 1));
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "Redaction rule " + rule + " is not a valid regular expression: " + e.getDescription(), e);
    }
  }

  private void addName(String term) {
    (term.length() >= 5 ? anywhereTerms : wordTerms).add(term);
  }

  /** Lower-case with {@code _-$@.} and whitespace removed. */
  static String normalise(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if ("_-$@. \t".indexOf(c) < 0) {
        out.append(Character.toLowerCase(c));
      }
    }
    return out.toString();
  }

  /** Whether a value held under {@code name} must be redacted. */
  boolean redactsName(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    Boolean known = decidedNames.get(name);
    if (known == null) {
      known = matchesName(name);
      if (name.length() <= MAX_DECIDED_NAME_LENGTH && decidedNames.size() < MAX_DECIDED_NAMES) {
        decidedNames.put(name, known);
      }
    }
    return known;
  }

  private boolean matchesName(String name) {
    String normalised = normalise(name);
    for (String term : anywhereTerms) {
      if (normalised.contains(term)) {
        return true;
      }
    }
    if (wordTerms.isEmpty()) {
      return false;
    }
    for (String word : WORD_BOUNDARY.split(name)) {
      if (wordTerms.contains(word.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /** Whether values of runtime class {@code type} must be redacted, by a user's type or package rule. */
  boolean redactsType(Class<?> type) {
    return (!types.isEmpty() || !packages.isEmpty()) && redactedTypes.get(type);
  }

  private boolean matchesTypeRule(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (types.contains(c.getName())) {
        return true;
      }
    }
    for (Class<?> i : type.getInterfaces()) {
      if (types.contains(i.getName())) {
        return true;
      }
    }
    String pkg = type.getPackageName();
    for (String p : packages) {
      if (pkg.equals(p) || pkg.startsWith(p + ".")) {
        return true;
      }
    }
    return false;
  }

  /** Whether a string looks like a secret: a bearer token, a JWT, a card number, or a user pattern. */
  boolean redactsText(CharSequence text) {
    CharSequence scanned =
        text.length() > MAX_SCANNED_CHARS ? text.subSequence(0, MAX_SCANNED_CHARS) : text;
    if (mayHoldBuiltInSecret(scanned)
        && (BEARER.matcher(scanned).find() || JWT.matcher(scanned).find() || containsCardNumber(scanned))) {
      return true;
    }
    for (Pattern p : valuePatterns) {
      if (p.matcher(scanned).find()) {
        return true;
      }
    }
    return false;
  }

  /**
   * A cheap first look, so that the patterns only run on the few strings that could match: a card
   * number needs 13 digits, a JWT starts {@code eyJ}, a bearer token follows the word.
   */
  private static boolean mayHoldBuiltInSecret(CharSequence text) {
    int digits = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if ((c == 'b' || c == 'B') && at(text, i, "bearer", true) || c == 'e' && at(text, i, "eyJ", false)) {
        return true;
      }
    }
    return digits >= 13;
  }

  private static boolean at(CharSequence text, int offset, String word, boolean ignoreCase) {
    if (offset + word.length() > text.length()) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      char c = text.charAt(offset + i);
      if (c != word.charAt(i) && !(ignoreCase && Character.toLowerCase(c) == word.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean containsCardNumber(CharSequence text) {
    Matcher m = CARD_CANDIDATE.matcher(text);
    while (m.find()) {
      if (passesLuhn(m.group())) {
        return true;
      }
    }
    return false;
  }

  /** The Luhn checksum every payment card number satisfies; separators are skipped. */
  static boolean passesLuhn(String candidate) {
    int sum = 0;
    boolean doubled = false;
    for (int i = candidate.length() - 1; i >= 0; i--) {
      char c = candidate.charAt(i);
      if (c < '0' || c > '9') {
        continue;
      }
      int digit = c - '0';
      if (doubled) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
      doubled = !doubled;
    }
    return sum % 10 == 0;
  }
}
