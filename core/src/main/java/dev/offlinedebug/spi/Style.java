package dev.offlinedebug.spi;

import java.io.Console;
import java.lang.reflect.Method;

/**
 * ANSI colours for text shown on a terminal, or none. Styled text must already be {@linkplain
 * TerminalText escaped}: the only escape sequences that reach the terminal are the ones added here.
 *
 * @since 0.1
 */
public final class Style {
  /** No colours. */
  public static final Style PLAIN = new Style(false);
  /** ANSI colours. */
  public static final Style ANSI = new Style(true);

  private static final String RESET = "\u001b[0m";

  private final boolean enabled;

  private Style(boolean enabled) {
    this.enabled = enabled;
  }

  /**
   * Colours only when standard output is a terminal and the {@code NO_COLOR} environment variable
   * is unset or empty (https://no-color.org).
   */
  public static Style forStandardOutput() {
    String noColor = System.getenv("NO_COLOR");
    boolean wanted = (noColor == null || noColor.isEmpty()) && stdoutIsTerminal();
    return wanted ? ANSI : PLAIN;
  }

  /**
   * Since JDK 22 {@code System.console()} is non-null even when output is redirected; {@code
   * Console.isTerminal()} (JDK 22+, called reflectively as we compile for 17) tells the truth there.
   */
  private static boolean stdoutIsTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  /** {@code text}, already escaped, in bold. */
  public String bold(String text) {
    return wrap("1", text);
  }

  /** {@code text}, already escaped, dimmed. */
  public String dim(String text) {
    return wrap("2", text);
  }

  /** {@code text}, already escaped, in red. */
  public String red(String text) {
    return wrap("1;31", text);
  }

  /** {@code text}, already escaped, in yellow. */
  public String yellow(String text) {
    return wrap("33", text);
  }

  /** {@code text}, already escaped, in cyan. */
  public String cyan(String text) {
    return wrap("36", text);
  }

  /** {@code text}, already escaped, in green. */
  public String green(String text) {
    return wrap("32", text);
  }

  private String wrap(String code, String text) {
    return enabled ? "\u001b[" + code + "m" + text + RESET : text;
  }
}
