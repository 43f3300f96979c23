package dev.offlinedebug.logback;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * A real {@link LoggerContext} per test, configured by {@link JoranConfigurator} from a {@code
 * logback-*.xml} test resource, with the context properties {@code dumpDir} and {@code logFile}
 * pointing into a fresh temporary directory. Stops the context and deletes the directory after the
 * test.
 */
final class LogbackContext implements AfterEachCallback {

  private static final Pattern DUMP_ID_FIELD = Pattern.compile(" dump=(\\S*)");
  private static final Pattern JSON_DUMP_ID = Pattern.compile("\"dumpId\"\\s*:\\s*\"([^\"]*)\"");

  private final Path root;
  private LoggerContext context;

  LogbackContext() {
    try {
      root = Files.createTempDirectory("offline-debug-logback");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new context configured from the test resource {@code resource}; stops an earlier one. */
  LoggerContext configure(String resource) {
    return configure(resource(resource));
  }

  /** A new context configured from {@code config}; stops an earlier one. */
  LoggerContext configure(URL config) {
    stop();
    context = new LoggerContext();
    context.setName(config.getFile());
    context.setMDCAdapter(MDC.getMDCAdapter());
    configure(context, config);
    return context;
  }

  /**
   * Resets {@code target} (this fixture's context, or the SLF4J default one) and configures it from
   * the test resource {@code resource} with this fixture's properties.
   */
  void configure(LoggerContext target, String resource) {
    configure(target, resource(resource));
  }

  private static URL resource(String name) {
    URL url = LogbackContext.class.getClassLoader().getResource(name);
    assertNotNull(url, name);
    return url;
  }

  private void configure(LoggerContext target, URL config) {
    target.reset();
    target.putProperty("dumpDir", dumpDir().toString());
    target.putProperty("logFile", logFile().toString());
    target.putProperty("blockedDir", root.resolve("not-a-directory").toString());
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(target);
    try {
      configurator.doConfigure(config);
    } catch (JoranException e) {
      throw new IllegalStateException("cannot configure from " + config, e);
    }
  }

  LoggerContext context() {
    return context;
  }

  Logger logger(String name) {
    return context.getLogger(name);
  }

  Path root() {
    return root;
  }

  Path dumpDir() {
    return root.resolve("dumps");
  }

  Path logFile() {
    return root.resolve("app.log");
  }

  /** Stops the context: flushes asynchronous appenders and closes every file. */
  void stop() {
    if (context != null) {
      context.stop();
    }
  }

  /** The lines of the log file; empty when it was never written. */
  List<String> logLines() {
    try {
      return Files.exists(logFile())
          ? Files.readAllLines(logFile(), StandardCharsets.UTF_8)
          : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Waits (bounded) until a line of the log file contains {@code fragment}: an asynchronous appender
   * has then written it, so stopping the context no longer interrupts that write.
   */
  void awaitLogLine(String fragment) throws InterruptedException {
    for (int i = 0; i < 1_500; i++) {
      if (logLines().stream().anyMatch(l -> l.contains(fragment))) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no log line contains '" + fragment + "': " + logLines());
  }

  /** The {@code dump=...} value of each log line that has one, in order. */
  List<String> dumpIdsInLog() {
    return matches(DUMP_ID_FIELD);
  }

  /** The {@code "dumpId"} member of each JSON log line that has one, in order. */
  List<String> dumpIdsInJsonLog() {
    return matches(JSON_DUMP_ID);
  }

  private List<String> matches(Pattern pattern) {
    return logLines().stream()
        .map(pattern::matcher)
        .filter(Matcher::find)
        .map(m -> m.group(1))
        .collect(Collectors.toList());
  }

  /** The status messages of {@code level} ({@link Status#ERROR}, {@link Status#WARN}) so far. */
  List<String> statusMessages(int level) {
    return context.getStatusManager().getCopyOfStatusList().stream()
        .filter(s -> s.getLevel() == level)
        .map(Status::getMessage)
        .collect(Collectors.toList());
  }

  /** How many file descriptors of this JVM are open on files below this fixture's directory. */
  long openFilesBelowRoot() {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.map(LogbackContext::target).filter(t -> t != null && t.startsWith(root)).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path target(Path fd) {
    try {
      return Files.readSymbolicLink(fd);
    } catch (IOException e) {
      return null; // closed since it was listed (the listing's own descriptor, for one)
    }
  }

  @Override
  public void afterEach(ExtensionContext extensionContext) throws IOException {
    stop();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
        Files.deleteIfExists(p);
      }
    }
  }
}
