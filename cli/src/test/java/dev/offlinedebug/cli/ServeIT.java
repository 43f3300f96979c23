package dev.offlinedebug.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.Failures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code offline-debug serve} as a user starts it: a child JVM running the packaged command. */
class ServeIT {
  private static final Pattern URL = Pattern.compile("read-only at (http://\\S+)");

  @TempDir Path work;
  private Path dir;
  private String id;
  private Process serve;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void writeDump() throws Exception {
    dir = work.resolve("dumps");
    try (StoreFixture store = StoreFixture.open(dir)) {
      id = store.write(Failures.declined("C-1042", 33_790));
    }
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (serve != null) {
      serve.destroy();
      serve.waitFor();
    }
  }

  @Test
  void serve_defaultBindIsLoopbackOnly() throws Exception {
    URI url = start("serve", "--dir", dir.toString(), "--port", "0");
    assertEquals("127.0.0.1", url.getHost(), url.toString());
    HttpResponse<String> list = get(url, null);
    assertEquals(200, list.statusCode());
    assertTrue(list.body().contains(">" + id + "</a>"), list.body());
    HttpResponse<String> page = get(url.resolve("/dump/" + id), null);
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("card declined for C-1042"), page.body());
    assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").startsWith("default-src 'none'"));
    HttpResponse<String> post = http.send(HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofString("x"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(405, post.statusCode());
    assertTrue(raw(url, "evil.example").startsWith("HTTP/1.1 403"), "a rebound host name is refused");
    assertTrue(raw(url, "127.0.0.1:" + url.getPort()).startsWith("HTTP/1.1 200"));

    InetAddress external = externalAddress();
    Assumptions.assumeTrue(external != null, "this machine has no address but loopback");
    assertThrows(ConnectException.class, () -> {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(external, url.getPort()), 10_000);
      }
    }, "not reachable on " + external);
  }

  @Test
  void serve_bindRefusesRequestsWithoutToken() throws Exception {
    URI url = start("serve", "--dir", dir.toString(), "--port", "0", "--bind", "127.0.0.1");
    Matcher token = Pattern.compile("token=([0-9a-f]{32})$").matcher(url.toString());
    assertTrue(token.find(), url.toString());
    URI bare = url.resolve("/");
    assertEquals(403, get(bare, null).statusCode());
    assertEquals(403, get(url.resolve("/dump/" + id), null).statusCode());
    assertEquals(403, get(URI.create(bare + "?token=" + "0".repeat(32)), null).statusCode());
    assertEquals(403, get(bare, DumpViewer.TOKEN_COOKIE + "=" + "0".repeat(32)).statusCode());
    HttpResponse<String> withToken = get(url, null);
    assertEquals(200, withToken.statusCode());
    String cookie = withToken.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    assertEquals(DumpViewer.TOKEN_COOKIE + "=" + token.group(1), cookie);
    HttpResponse<String> stats = get(url.resolve("/stats"), cookie);
    assertEquals(200, stats.statusCode());
    assertTrue(stats.body().contains("<svg class=\"chart\""), stats.body());
  }

  /**
   * The page of a first dump lists its stored repeats, each linking to its own page, which loads
   * the repeat's own values and links back to the first dump.
   */
  @Test
  void dumpPage_listsRepeatsLinkedToTheirPages() throws Exception {
    List<String> ids = loggedThreeTimes(Duration.ofSeconds(1));
    URI url = start("serve", "--dir", work.resolve("repeating").toString(), "--port", "0");

    String page = get(url.resolve("/dump/" + ids.get(0)), null).body();
    assertTrue(page.contains("3 in all: this dump, 2 stored with their own values"), page);
    Matcher row = Pattern.compile("<tr class=\"repeat\"><td class=\"mono\">([^<]+)</td><td class=\"mono\">"
        + "<a href=\"([^\"]+)\">([^<]+)</a></td><td>([^<]+)</td></tr>").matcher(page);
    List<String> listed = new ArrayList<>();
    while (row.find()) {
      listed.add(row.group(3));
      assertEquals("/dump/" + row.group(3), row.group(2));
      assertEquals(Thread.currentThread().getName(), row.group(4));
    }
    assertEquals(ids.subList(1, 3), listed, page);

    HttpResponse<String> repeat = get(url.resolve("/dump/" + listed.get(1)), null);
    assertEquals(200, repeat.statusCode());
    assertTrue(repeat.body().contains("<h1>Dump " + ids.get(2) + "</h1>"), repeat.body());
    assertTrue(repeat.body().contains("operation 2"), "the repeat's own message: " + repeat.body());
    assertTrue(repeat.body().contains("<dt>time</dt><dd>2026-11-26T05:00:02Z</dd>"), repeat.body());
    assertTrue(repeat.body().contains("<dt>repeat of</dt><dd><a href=\"/dump/" + ids.get(0) + "\">" + ids.get(0)
        + "</a> (3 occurrences in all)"), repeat.body());
  }

  /**
   * A failure first dumped at 05:00 and repeated at 05:30 and 06:00 inside the dedup window: the
   * chart counts each repeat at its own time, not at the first dump's; with {@code since}, the table
   * and the chart count only what was logged since then, as {@code stats --since} does.
   */
  @Test
  void stats_countsEachRepeatAtItsOwnTime() throws Exception {
    loggedThreeTimes(Duration.ofMinutes(30));
    URI url = start("serve", "--dir", work.resolve("repeating").toString(), "--port", "0");

    String all = get(url.resolve("/stats"), null).body();
    // An hour in 40 bars of 90 s, told apart in minutes: 05:00 is the first, 05:30 the 21st, 06:00
    // the last (from 05:58:30).
    assertEquals(List.of("1 occurrence from 2026-11-26 05:00 to 05:02 UTC",
        "1 occurrence from 2026-11-26 05:30 to 05:32 UTC", "1 occurrence from 2026-11-26 05:58 to 06:00 UTC"),
        bars(all), all);
    assertTrue(all.contains("<td>3</td><td>1</td><td class=\"mono\">2026-11-26T06:00:00.000Z</td>"), all);

    String since = get(url.resolve("/stats?since=2026-11-26T05:15:00Z"), null).body();
    // Half an hour in bars of 45 s, told apart in seconds.
    assertEquals(List.of("1 occurrence from 2026-11-26 05:30:00 to 05:30:45 UTC",
        "1 occurrence from 2026-11-26 05:59:15 to 06:00:00 UTC"), bars(since), since);
    assertTrue(since.contains("<td>2</td><td>1</td>"), "the repeats since then: " + since);
  }

  /**
   * Writes one failure into the store {@code repeating}, logged at 05:00 and twice more, {@code
   * apart}, inside the dedup window: a first dump and two repeats of it. Returns their IDs.
   */
  private List<String> loggedThreeTimes(Duration apart) throws IOException {
    Instant first = Instant.parse("2026-11-26T05:00:00Z");
    List<String> ids = new ArrayList<>();
    try (StoreFixture store = StoreFixture.open(work.resolve("repeating"), 16L << 20, 64L << 20,
        Duration.ofMinutes(5))) {
      for (int i = 0; i < 3; i++) { // one stack: the first dump, then repeats of it
        ids.add(store.write(Failures.unsupported(i), first.plus(apart.multipliedBy(i))));
      }
    }
    assertTrue(ids.get(1).startsWith(ids.get(0) + ".") && ids.get(2).startsWith(ids.get(0) + "."),
        "stored as repeats: " + ids);
    return ids;
  }

  /** The titles of a stats page's bars, up to the fingerprint's label. */
  private static List<String> bars(String page) {
    Matcher bar = Pattern.compile("<title>([^<]+? UTC):").matcher(page);
    List<String> titles = new ArrayList<>();
    while (bar.find()) {
      titles.add(bar.group(1));
    }
    return titles;
  }

  private URI start(String... args) throws IOException {
    serve = new JarRunner(work).builder(args).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder printed = new StringBuilder();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      printed.append(line).append('\n');
      Matcher url = URL.matcher(line);
      if (url.find()) {
        return URI.create(url.group(1));
      }
    }
    throw new AssertionError("serve printed no URL:\n" + printed);
  }

  private HttpResponse<String> get(URI uri, String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri);
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A request with a {@code Host} header of our choosing, which the JDK's client does not send. */
  private static String raw(URI url, String host) throws IOException {
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
    }
  }

  private static InetAddress externalAddress() throws IOException {
    for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (network.isUp() && !network.isLoopback()) {
        for (InetAddress address : Collections.list(network.getInetAddresses())) {
          if (address instanceof Inet4Address) {
            return address;
          }
        }
      }
    }
    return null;
  }
}
