package dev.offlinedebug.internal.capture;

import java.io.File;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.nio.CharBuffer;
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
 * objects whose runtime class is a JDK class, so no application override can run; and only for types
 * whose text takes no monitor and calls nothing the value holds (an application cause, a wrapped
 * char sequence, a non-ISO chronology).
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
    if (isIsoTime(value.getClass())) {
      return value.toString();
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

  /**
   * Whether the message methods of a throwable class are {@code Throwable}'s own, which return the
   * message field. Application exceptions may override them, and some JDK exceptions add their
   * cause's or detail's text there ({@code RemoteException}, {@code WriteAbortedException}), which
   * may be the application's.
   */
  private static final ClassValue<Boolean> OWN_MESSAGE =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          try {
            return type.getMethod("getMessage").getDeclaringClass() == Throwable.class
                && type.getMethod("getLocalizedMessage").getDeclaringClass() == Throwable.class;
          } catch (NoSuchMethodException | SecurityException e) {
            return false;
          }
        }
      };

  /**
   * What {@code Throwable.toString()} gives, built here so that an override adding a cause's text
   * ({@code PrivilegedActionException}, {@code NamingException}) never runs; a message from an
   * overriding method is left out. Safe for any throwable, the application's too: it calls only
   * {@code Throwable}'s own methods, which take no monitor.
   */
  static String header(Throwable t) {
    String name = t.getClass().getName();
    String message = OWN_MESSAGE.get(t.getClass()) ? t.getLocalizedMessage() : null;
    return message == null ? name : name + ": " + message;
  }

  /**
   * {@code java.time} values and the JDK's own chronologies; not the {@code Chrono*Impl} classes,
   * whose text comes from a chronology that may be the application's.
   */
  private static boolean isIsoTime(Class<?> type) {
    String pkg = type.getPackageName();
    return pkg.equals("java.time")
        || (pkg.equals("java.time.chrono") && !type.getSimpleName().endsWith("Impl"));
  }

  /**
   * The characters of a {@code StringBuilder}, a {@code StringBuffer} or a {@code CharBuffer} that
   * holds its own characters, else null: {@code CharBuffer.wrap} reads the application's char
   * sequence.
   */
  static String chars(Object value) {
    if (value instanceof StringBuilder s) {
      return s.toString();
    }
    if (value instanceof StringBuffer s) {
      // chars() is the one reader StringBuffer leaves unsynchronized (JDK 17 to 25): it reads the
      // buffer's fields without the monitor that toString() and length() take.
      StringBuilder copy = new StringBuilder();
      s.chars().forEachOrdered(c -> copy.append((char) c));
      return copy.toString();
    }
    if (value instanceof CharBuffer b && (b.hasArray() || b.isDirect())) {
      return b.toString();
    }
    return null;
  }
}
