package dev.offlinedebug.internal.capture;

import java.util.Base64;
import java.util.function.Predicate;

/**
 * Finds the built-in kinds of secret inside any text, in one pass over the whole text: {@code
 * Bearer} and {@code Basic} credentials, JWTs, card numbers (Luhn-valid), URL user-info with a
 * password, and {@code key=value} or {@code key: value} pairs whose key is a sensitive name.
 *
 * <p>Every rule starts at a character that must be there ({@code b}, {@code e}, a digit, {@code :}
 * or {@code =}) and looks a bounded distance around it, so the cost is linear in the text's length
 * whatever it holds: strings are scanned whole, not only the part a dump keeps.
 */
final class SecretText {
  /** Card numbers have 13 to 19 digits. */
  private static final int MIN_CARD_DIGITS = 13;
  private static final int MAX_CARD_DIGITS = 19;
  /** A key of a {@code key=value} pair is looked for this far back from the separator. */
  private static final int MAX_KEY_LENGTH = 64;
  /** Spaces allowed around a separator or after {@code Bearer}/{@code Basic}. */
  private static final int MAX_GAP = 8;
  /** A URL's user-info is looked for this far after {@code ://}. */
  private static final int MAX_AUTHORITY = 256;
  /** Longer {@code Basic} credentials are redacted without decoding them. */
  private static final int MAX_BASIC_DECODED = 1024;
  /** Tokens after {@code bearer} in lower case this long are secrets even if they are only letters. */
  private static final int LONG_TOKEN = 16;

  private SecretText() {}

  /**
   * Whether {@code text} holds a secret of a built-in kind.
   *
   * @param sensitiveName decides whether the key of a {@code key=value} pair is a sensitive name
   */
  static boolean contains(CharSequence text, Predicate<String> sensitiveName) {
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      boolean found = switch (c) {
        case 'b', 'B' -> bearerAt(text, i) || basicAt(text, i);
        case 'e' -> jwtAt(text, i);
        case ':' -> userInfoAt(text, i) || pairAt(text, i, sensitiveName);
        case '=' -> pairAt(text, i, sensitiveName);
        default -> c >= '2' && c <= '6' && cardAt(text, i);
      };
      if (found) {
        return true;
      }
    }
    return false;
  }

  /** {@code Bearer <token>}: any token after {@code Bearer}/{@code BEARER}, a token with a digit or symbol, or a long one. */
  private static boolean bearerAt(CharSequence text, int at) {
    if (!wordAt(text, at, "bearer")) {
      return false;
    }
    int start = skipGap(text, at + 6);
    if (start == at + 6) {
      return false;
    }
    int end = start;
    boolean letters = true;
    while (end < text.length() && isTokenChar(text.charAt(end))) {
      letters &= Character.isLetter(text.charAt(end));
      end++;
    }
    if (end == start) {
      return false;
    }
    boolean httpSpelling = text.charAt(at) == 'B' && (text.charAt(at + 1) == 'e' || text.charAt(at + 1) == 'E');
    return httpSpelling || !letters || end - start >= LONG_TOKEN;
  }

  /** {@code Basic <base64 of user:password>}. */
  private static boolean basicAt(CharSequence text, int at) {
    if (!wordAt(text, at, "basic")) {
      return false;
    }
    int start = skipGap(text, at + 5);
    if (start == at + 5) {
      return false;
    }
    int end = start;
    while (end < text.length() && isBase64Char(text.charAt(end))) {
      end++;
    }
    if (end - start < 4 || end < text.length() && isWordChar(text.charAt(end))) {
      return false;
    }
    if (end - start > MAX_BASIC_DECODED) {
      return true;
    }
    try {
      byte[] decoded = Base64.getDecoder().decode(text.subSequence(start, end).toString());
      for (byte b : decoded) {
        if (b == ':') {
          return true;
        }
      }
      return false;
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
  }

  /** A JWT: {@code eyJ} header, then two more dot-separated base64url segments. */
  private static boolean jwtAt(CharSequence text, int at) {
    if (at + 3 > text.length() || text.charAt(at + 1) != 'y' || text.charAt(at + 2) != 'J'
        || at > 0 && isWordChar(text.charAt(at - 1))) {
      return false;
    }
    int header = base64UrlRun(text, at + 3);
    if (header - at < 8 || header >= text.length() || text.charAt(header) != '.') {
      return false;
    }
    int payload = base64UrlRun(text, header + 1);
    return payload - header - 1 >= 5 && payload < text.length() && text.charAt(payload) == '.';
  }

  /** {@code scheme://user:password@host}. */
  private static boolean userInfoAt(CharSequence text, int colon) {
    if (colon + 2 >= text.length() || text.charAt(colon + 1) != '/' || text.charAt(colon + 2) != '/') {
      return false;
    }
    int end = Math.min(text.length(), colon + 3 + MAX_AUTHORITY);
    int passwordAt = -1;
    for (int i = colon + 3; i < end; i++) {
      char c = text.charAt(i);
      if (c == '@') {
        return passwordAt > colon + 3 && i > passwordAt + 1;
      }
      if (c == '/' || c == '?' || c == '#' || Character.isWhitespace(c) || c == '"' || c == '\'' || c == '<') {
        return false;
      }
      if (c == ':' && passwordAt < 0) {
        passwordAt = i;
      }
    }
    return false;
  }

  /** {@code key=value}, {@code key: value}, {@code "key":"value"} with a sensitive key and a non-empty value. */
  private static boolean pairAt(CharSequence text, int separator, Predicate<String> sensitiveName) {
    int keyEnd = separator;
    while (keyEnd > 0 && separator - keyEnd < MAX_GAP && text.charAt(keyEnd - 1) == ' ') {
      keyEnd--;
    }
    if (keyEnd > 0 && isQuote(text.charAt(keyEnd - 1))) {
      keyEnd--;
    }
    int keyStart = keyEnd;
    while (keyStart > 0 && keyEnd - keyStart < MAX_KEY_LENGTH && isKeyChar(text.charAt(keyStart - 1))) {
      keyStart--;
    }
    if (keyStart == keyEnd || !hasValueAfter(text, separator + 1)) {
      return false;
    }
    return sensitiveName.test(text.subSequence(keyStart, keyEnd).toString());
  }

  private static boolean hasValueAfter(CharSequence text, int from) {
    int i = skipGap(text, from);
    if (i < text.length() && isQuote(text.charAt(i))) {
      i++;
    }
    if (i >= text.length()) {
      return false;
    }
    char c = text.charAt(i);
    return !Character.isWhitespace(c) && "&,;}])".indexOf(c) < 0 && !isQuote(c);
  }

  /**
   * A card number starting at {@code at}: 13 to 19 digits, groups separated by one space or dash,
   * not preceded or followed by a digit, passing Luhn. Every group start and end is tried, as
   * people write numbers in groups of any size; each try reads at most 37 characters.
   */
  private static boolean cardAt(CharSequence text, int at) {
    if (at > 0 && isDigit(text.charAt(at - 1))) {
      return false;
    }
    long digits = 0;
    int count = 0;
    for (int i = at; i < text.length() && count < MAX_CARD_DIGITS; i++) {
      char c = text.charAt(i);
      if (isDigit(c)) {
        digits = digits * 10 + (c - '0');
        count++;
        boolean groupEnds = i + 1 == text.length() || !isDigit(text.charAt(i + 1));
        if (groupEnds && count >= MIN_CARD_DIGITS && passesLuhn(digits)) {
          return true;
        }
      } else if (!((c == ' ' || c == '-') && i + 1 < text.length() && isDigit(text.charAt(i + 1))
          && isDigit(text.charAt(i - 1)))) {
        return false;
      }
    }
    return false;
  }

  /** Whether {@code number} (13 to 19 digits, so it fits a long) passes the Luhn checksum. */
  static boolean passesLuhn(long number) {
    int sum = 0;
    boolean doubled = false;
    for (long rest = number; rest > 0; rest /= 10) {
      int digit = (int) (rest % 10);
      if (doubled) {
        digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      }
      sum += digit;
      doubled = !doubled;
    }
    return sum % 10 == 0;
  }

  /** Whether an integral value has the shape of a card number: 13 to 19 digits, first 2 to 6, Luhn-valid. */
  static boolean isCardNumber(long number) {
    if (number < 1_000_000_000_000L) {
      return false;
    }
    long first = number;
    while (first >= 10) {
      first /= 10;
    }
    return first >= 2 && first <= 6 && passesLuhn(number);
  }

  private static boolean wordAt(CharSequence text, int at, String lowerWord) {
    if (at > 0 && isWordChar(text.charAt(at - 1)) || at + lowerWord.length() > text.length()) {
      return false;
    }
    for (int i = 0; i < lowerWord.length(); i++) {
      if (Character.toLowerCase(text.charAt(at + i)) != lowerWord.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static int skipGap(CharSequence text, int from) {
    int i = from;
    while (i < text.length() && i - from < MAX_GAP && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private static int base64UrlRun(CharSequence text, int from) {
    int i = from;
    while (i < text.length() && (isAsciiAlnum(text.charAt(i)) || text.charAt(i) == '_' || text.charAt(i) == '-')) {
      i++;
    }
    return i;
  }

  private static boolean isTokenChar(char c) {
    return isAsciiAlnum(c) || "._~+/=-".indexOf(c) >= 0;
  }

  private static boolean isBase64Char(char c) {
    return isAsciiAlnum(c) || c == '+' || c == '/' || c == '=';
  }

  private static boolean isKeyChar(char c) {
    return isAsciiAlnum(c) || c == '_' || c == '-' || c == '.';
  }

  private static boolean isWordChar(char c) {
    return isAsciiAlnum(c) || c == '_';
  }

  private static boolean isAsciiAlnum(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '\'';
  }
}
