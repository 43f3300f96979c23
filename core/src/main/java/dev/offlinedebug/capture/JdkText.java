package dev.offlinedebug.capture;

import java.io.File;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Currency;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The canonical text of JDK value types, obtained through their own public API. Only called for
 * objects whose runtime class is a JDK class, so no application override can run.
 */
final class JdkText {
  private JdkText() {}

  /** The text of {@code value}, or {@code null} when its type is not a JDK value type. */
  static String of(Object value) {
    if (value instanceof BigDecimal d) {
      return d.toString();
    }
    if (value instanceof BigInteger || value instanceof UUID || value instanceof URI
        || value instanceof Locale || value instanceof Path || value instanceof InetAddress) {
      return value.toString();
    }
    if (value.getClass().getPackageName().startsWith("java.time")) {
      return value.toString();
    }
    if (value instanceof Throwable t) {
      // A JDK throwable's own toString: type and message, as its stack trace header.
      return t.toString();
    }
    if (value instanceof Class<?> c) {
      return c.getName();
    }
    if (value instanceof Charset c) {
      return c.name();
    }
    if (value instanceof File f) {
      return f.getPath();
    }
    if (value instanceof Pattern p) {
      return p.pattern();
    }
    if (value instanceof Currency c) {
      return c.getCurrencyCode();
    }
    if (value instanceof TimeZone z) {
      return z.getID();
    }
    if (value instanceof Date d) {
      try {
        return d.toInstant().toString();
      } catch (UnsupportedOperationException e) {
        // java.sql.Date and java.sql.Time have no time-line instant; their milliseconds do.
        return Instant.ofEpochMilli(d.getTime()).toString();
      }
    }
    return null;
  }

  /** The characters of a JDK char sequence ({@code StringBuilder}, {@code CharBuffer}...), else null. */
  static String chars(Object value) {
    if (value instanceof CharSequence s) {
      return s.toString();
    }
    return null;
  }
}
