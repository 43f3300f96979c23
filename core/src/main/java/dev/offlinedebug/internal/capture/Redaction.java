package dev.offlinedebug.internal.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * PIN_CODE}), so that {@code spinner}, {@code shipping} or {@code footprint} stay visible. A name
 * whose last word is {@code key} after a word naming its kind ({@code hmacKey}, {@code
 * SIGNING_KEY}) is sensitive unless that kind is a harmless one ({@code cacheKey}, {@code
 * primaryKey}, {@code publicKey}).
 *
 * <p>A sensitive name also redacts what it is paired with in a value: map entries, {@code
 * Map.Entry}s, name/value objects and adjacent array or list elements ({@link #redactsKey}). Text
 * is searched whole by {@link SecretText}. Thread safe and immutable.
 */
final class Redaction {

  /** Built-in sensitive names, in normalised form. */
  static final List<String> BUILT_IN_NAMES =
      List.of(
          "password", "passwd", "pwd", "passphrase", "secret", "token", "apikey", "accesskey",
          "authorization", "auth", "cookie", "session", "jwt", "ssn", "cvv", "cvc", "creditcard",
          "cardnumber", "iban", "privatekey", "otp", "pin", "credential");

  /**
   * Names ending in the word {@code key} ({@code hmacKey}, {@code SIGNING_KEY}, {@code
   * encryptionKeyBytes}) are secret unless the word before says what kind of non-secret key it is.
   */
  private static final Set<String> NON_SECRET_KEY_KINDS =
      Set.of("cache", "map", "primary", "foreign", "sort", "partition", "routing", "lookup", "row", "index",
          "entry", "group", "public", "idempotency", "dedup", "unique", "composite", "object", "bucket",
          "hash", "message", "record", "cursor", "next", "last", "first", "parent", "child", "other",
          "the", "my", "new", "old", "current", "lock", "shard", "natural", "surrogate", "business",
          "header", "field", "column", "property", "attribute", "config", "setting", "json", "dict",
          "registry", "metric", "tag", "label", "resource", "bundle", "file", "path", "event", "node",
          "type", "class", "enum", "sequence", "batch", "job", "task", "request", "response", "state");
  /** Words that may follow {@code key} in a secret key's name. */
  private static final Set<String> KEY_SUFFIXES =
      Set.of("bytes", "material", "data", "spec", "value", "text", "string", "chars", "hex", "b64", "base64");
  /** How the agent names the locals of a class compiled without {@code -g}. */
  private static final Pattern WORD_BOUNDARY =
      Pattern.compile("[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=[0-9])|(?<=[0-9])(?=[A-Za-z])");
  /** Names repeat (fields, locals, map keys): each is judged once, up to this many. */
  private static final int MAX_DECIDED_NAMES = 4096;
  /** Longer text is a value, not the name of the value next to it. */
  private static final int MAX_KEY_LENGTH = 128;
  /** Longer names (map keys can be any text) are judged each time rather than kept. */
  private static final int MAX_DECIDED_NAME_LENGTH = 64;

  private final List<String> anywhereTerms = new ArrayList<>();
  private final List<String> wordTerms = new ArrayList<>();
  private final List<String> types = new ArrayList<>();
  private final List<String> packages = new ArrayList<>();
  private final List<Pattern> valuePatterns = new ArrayList<>();
  private final Map<String, Boolean> decidedNames = new ConcurrentHashMap<>();
  private final boolean redactUnnamed;
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
    this(rules, true);
  }

  /**
   * @param rules as for {@link #Redaction(List)}
   * @param redactUnnamed whether text and bytes of locals whose names are unknown are redacted
   */
  Redaction(List<String> rules, boolean redactUnnamed) {
    this.redactUnnamed = redactUnnamed;
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
    if (normalised.equals("userinfo")) {
      return true;
    }
    String[] words = WORD_BOUNDARY.split(name);
    for (int i = 0; i < words.length; i++) {
      String word = words[i].toLowerCase(Locale.ROOT);
      if (wordTerms.contains(word) || word.equals("key") && isSecretKeyName(words, i)) {
        return true;
      }
    }
    return false;
  }

  /** {@code words[at]} is "key": secret when a word says what kind of key, and that kind is not a known harmless one. */
  private static boolean isSecretKeyName(String[] words, int at) {
    if (at == 0 || words[at - 1].isEmpty()) {
      return false;
    }
    for (int i = at + 1; i < words.length; i++) {
      if (!KEY_SUFFIXES.contains(words[i].toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return !NON_SECRET_KEY_KINDS.contains(words[at - 1].toLowerCase(Locale.ROOT));
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

  /**
   * Whether a string looks like a secret: a bearer or basic credential, a JWT, a card number, a URL
   * with a password, a {@code key=value} pair with a sensitive key, or a user pattern. The whole
   * text is searched, however long: a secret past the part a dump keeps is still a secret.
   */
  boolean redactsText(CharSequence text) {
    if (SecretText.contains(text, this::redactsName)) {
      return true;
    }
    for (Pattern p : valuePatterns) {
      if (p.matcher(text).find()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the value paired with {@code key} must be redacted: a map entry's or a {@code
   * Map.Entry}'s key, a name/value object's name, or the element before it in an array or list
   * ({@code {"Authorization", token}}, {@code ["--password", pw]}). A key counts when it is a
   * string, a JDK char sequence or an enum constant whose text is a sensitive name.
   */
  boolean redactsKey(Object key) {
    if (key instanceof Enum<?> e) {
      return redactsName(e.name());
    }
    if (!(key instanceof CharSequence chars) || chars.length() > MAX_KEY_LENGTH) {
      return false;
    }
    if (key instanceof String s) {
      return redactsName(s);
    }
    String text = JdkClasses.isJdk(key.getClass()) ? JdkText.chars(key) : null;
    return text != null && redactsName(text);
  }

  /** Whether a boxed integral value holds a card number (13 to 19 digits, first 2 to 6, Luhn-valid). */
  boolean redactsNumber(Object box) {
    return box instanceof Long l && SecretText.isCardNumber(l);
  }

  /**
   * Whether a local of a frame whose names are unknown must be redacted: with {@code redactUnnamed}
   * on, its text and raw bytes ({@code CharSequence}, {@code char[]}, {@code byte[]}) could be a
   * password, and no name tells otherwise. {@code this} is known whatever the compiler kept.
   */
  boolean redactsUnnamed(String name, Object value) {
    return redactUnnamed && !"this".equals(name)
        && (value instanceof CharSequence || value instanceof char[] || value instanceof byte[]);
  }

  /**
   * Whether a frame's local names were made up by the agent because the class was compiled without
   * {@code -g}: every name is {@code this}, {@code argN} or {@code localN}.
   */
  static boolean namesUnknown(String[] names) {
    for (String name : names) {
      if (name != null && !name.equals("this") && !isMadeUp(name)) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code argN} or {@code localN}, N of 1 to 5 ASCII digits. By hand, not a regular expression:
   * every frame of every dump asks, and a {@code Matcher} per name cost more than its locals.
   */
  private static boolean isMadeUp(String name) {
    int prefix = name.startsWith("arg") ? 3 : name.startsWith("local") ? 5 : 0;
    int digits = name.length() - prefix;
    if (prefix == 0 || digits < 1 || digits > 5) {
      return false;
    }
    for (int i = prefix; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Whether a field holds the name of a name/value pair ({@code key}, {@code name}). */
  static boolean isPairName(String field) {
    return field.equals("key") || field.equals("name");
  }

  /** Whether a field holds the value of a name/value pair. */
  static boolean isPairValue(String field) {
    return field.equals("value");
  }
}
