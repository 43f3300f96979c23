package dev.offlinedebug.junit5;

import dev.offlinedebug.Dump;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.spi.HtmlPage;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The browsable report beside the dumps: {@value #INDEX}, one row per failing test (time, test,
 * exception) linking to the dump's own self-contained page {@code <dump ID>.html}, so a CI job that
 * archives the directory gives a report that opens from {@code file://}.
 *
 * <p>Several writers share a directory: parallel test classes in one JVM, Surefire's forks, and
 * later runs, which add their rows to the earlier ones. Each row is added under a lock held by one
 * thread of one JVM at a time (a monitor between threads, a {@link FileLock} on {@value #LOCK}
 * between JVMs), and every file is written aside and renamed into place, so a reader never sees a
 * half-written page and no row is lost.
 */
final class FailureReport {
  static final String INDEX = "index.html";
  private static final String LOCK = ".index.lock";
  /**
   * Starts every row, and only rows: they are found again by it when the next one is added, and
   * sorted by the time that follows it.
   */
  private static final String ROW = "<tr class=\"failure\">";
  private static final int MESSAGE_START = 160;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
  /** Dump IDs are file-name safe; a page is written only for one that is. */
  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  /** {@link FileLock}s belong to the whole JVM: threads of one JVM take turns here first. */
  private static final Object THIS_JVM = new Object();

  private FailureReport() {}

  /**
   * Writes {@code dump}'s page into {@code directory} and adds its row to the index.
   *
   * @throws IOException when the directory cannot be written; the index is then left as it was
   */
  static void add(Path directory, Dump dump) throws IOException {
    if (!FILE_NAME.matcher(dump.id()).matches()) {
      return;
    }
    String page = dump.id() + ".html";
    HtmlPage.Entry entry =
        new HtmlPage.Entry(dump, List.of(dump.id(), "--dir", directory.toAbsolutePath().toString()));
    replace(directory.resolve(page), HtmlPage.ofDumps("Dump " + dump.id() + " - offline-debug",
        "<a href=\"" + INDEX + "\">All failing tests</a>", List.of(entry)));
    String row = row(dump, page);
    synchronized (THIS_JVM) {
      try (FileChannel lock = FileChannel.open(directory.resolve(LOCK),
              StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock held = lock.lock()) {
        List<String> rows = rows(directory.resolve(INDEX));
        rows.add(row);
        // Every row starts with the same markup, then its fixed-width time: sorted, oldest first.
        Collections.sort(rows);
        replace(directory.resolve(INDEX), index(rows));
      }
    }
  }

  private static String row(Dump dump, String page) {
    ThrowableInfo thrown = dump.exception().root();
    String test = dump.attributes().getOrDefault(FailureRecorder.DISPLAY_NAME, "?");
    String testClass = dump.attributes().get(FailureRecorder.TEST_CLASS);
    String exception = thrown.message() == null ? thrown.type() : thrown.type() + ": " + messageStart(thrown.message());
    // Escaped text has no line break, so a row stays on one line.
    return ROW + "<td class=\"mono\">" + TIME.format(dump.time()) + "</td><td>"
        + (testClass == null ? "" : "<span class=\"dim\">" + HtmlPage.escape(simpleName(testClass)) + "</span> ")
        + "<a href=\"" + HtmlPage.escape(page) + "\">" + HtmlPage.escape(test) + "</a></td>"
        + "<td class=\"exc\">" + HtmlPage.escape(exception) + "</td></tr>";
  }

  private static String messageStart(String message) {
    int end = message.indexOf('\n');
    String first = end < 0 ? message : message.substring(0, end);
    return first.length() > MESSAGE_START || end >= 0
        ? first.substring(0, Math.min(first.length(), MESSAGE_START)) + "..."
        : first;
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  /** The rows of the index as it is, oldest first; none when there is no index yet. */
  private static List<String> rows(Path index) throws IOException {
    List<String> rows = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
        if (line.startsWith(ROW)) {
          rows.add(line);
        }
      }
    } catch (NoSuchFileException e) {
      // The first failure in this directory.
    }
    return rows;
  }

  private static String index(List<String> rows) {
    StringBuilder body = new StringBuilder(256 + rows.size() * 256)
        .append("<h1>Failing tests</h1>\n<p class=\"dim\" id=\"count\">").append(rows.size())
        .append(rows.size() == 1 ? " failure" : " failures")
        .append(", oldest first; each links to its dump</p>\n")
        .append("<table class=\"list\"><thead><tr><th>time (UTC)</th><th>test</th><th>exception</th></tr>")
        .append("</thead><tbody>\n");
    for (String row : rows) {
      body.append(row).append('\n');
    }
    return HtmlPage.of("Failing tests - offline-debug", "", body.append("</tbody></table>\n").toString());
  }

  /** Writes {@code file} aside and renames it into place: readers see the old or the new file. */
  private static void replace(Path file, String content) throws IOException {
    Path aside = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      Files.writeString(aside, content, StandardCharsets.UTF_8);
      Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(aside);
    }
  }
}
