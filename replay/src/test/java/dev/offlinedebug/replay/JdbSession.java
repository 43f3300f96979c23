package dev.offlinedebug.replay;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JDK's {@code jdb} attached to a JVM, driven command by command: each command waits (bounded)
 * for jdb's next prompt and returns what jdb printed in between.
 */
final class JdbSession implements AutoCloseable {
  private static final Pattern PROMPT = Pattern.compile("(?:main\\[\\d+\\]|>) $");
  private static final int MAX_POLLS = 6_000; // of 10 ms: a minute for a busy machine

  private final Process jdb;
  private final Writer input;
  private final StringBuffer output = new StringBuffer();
  private int consumed;

  private JdbSession(Process jdb) {
    this.jdb = jdb;
    this.input = new OutputStreamWriter(jdb.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader = new Thread(() -> copy(jdb.getInputStream()), "jdb-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Attaches the JDK's jdb (next to this JVM's {@code java}) to {@code address}. */
  static JdbSession attach(String address) throws IOException {
    String jdb = Path.of(System.getProperty("java.home"), "bin", "jdb").toString();
    return new JdbSession(new ProcessBuilder(jdb, "-attach", address).redirectErrorStream(true).start());
  }

  private void copy(InputStream in) {
    byte[] buffer = new byte[4096];
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      output.append("\n<jdb output lost: ").append(e.getMessage()).append('>');
    }
  }

  /** Waits until jdb printed {@code expected} (a regex) followed by a prompt; returns the text. */
  String awaitPrompt(String expected) throws InterruptedException {
    Pattern wanted = Pattern.compile("(?s)" + expected + ".*" + PROMPT.pattern());
    for (int i = 0; i < MAX_POLLS; i++) {
      String fresh = output.substring(consumed);
      Matcher m = wanted.matcher(fresh);
      if (m.find()) {
        consumed += m.end();
        return fresh.substring(0, m.end());
      }
      if (!jdb.isAlive() && output.length() == consumed + fresh.length()) {
        break;
      }
      Thread.sleep(10);
    }
    return fail("jdb did not print /" + expected + "/ and a prompt; it printed: " + output.substring(consumed));
  }

  /** Sends {@code command} and returns its output up to the next prompt. */
  String command(String command) throws IOException, InterruptedException {
    return command(command, "");
  }

  /** Sends {@code command} and returns its output up to {@code expected} and the next prompt. */
  String command(String command, String expected) throws IOException, InterruptedException {
    input.write(command + "\n");
    input.flush();
    return awaitPrompt(expected);
  }

  /** Waits for jdb to end by itself (after the debuggee exited). */
  boolean awaitExit() throws InterruptedException {
    return jdb.waitFor(60, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    jdb.destroyForcibly();
  }
}
