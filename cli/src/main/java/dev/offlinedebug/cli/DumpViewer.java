package dev.offlinedebug.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.offlinedebug.Dump;
import dev.offlinedebug.DumpExpiredException;
import dev.offlinedebug.DumpFormatException;
import dev.offlinedebug.DumpNotFoundException;
import dev.offlinedebug.DumpStore;
import dev.offlinedebug.spi.HtmlPage;
import dev.offlinedebug.spi.StoreTimeline;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The read-only web viewer of {@code serve} on the JDK's built-in HTTP server: {@code /} lists the
 * dumps, {@code /stats} charts them, {@code /dump/ID} shows one as {@code html} does, linking the
 * IDs of its repeats (or, for a repeat, of its first dump) to their pages. Only {@code
 * GET} and {@code HEAD} are served. On the loopback address it answers only requests addressed to
 * a loopback host name, so a web page elsewhere cannot reach it through DNS rebinding; bound
 * elsewhere, every request must carry the token, as {@code ?token=} (which sets a cookie) or that
 * cookie.
 */
final class DumpViewer implements AutoCloseable {
  static final String TOKEN_COOKIE = "offline-debug-token";
  private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]");

  private final HttpServer server;
  private final ExecutorService executor;
  private final DumpStore store;
  private final byte[] token;
  private final ViewerPages pages;
  /** The store as the replay command line names it: an absolute directory or an {@code s3://} URI. */
  private final String location;

  private DumpViewer(HttpServer server, DumpStore store, String location, String token) {
    this.server = server;
    this.store = store;
    this.location = location;
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    this.pages = new ViewerPages(location);
    // One request at a time: a local viewer for one person, and the store is read by one thread.
    this.executor = Executors.newSingleThreadExecutor(task -> {
      Thread thread = new Thread(task, "offline-debug-serve");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  /**
   * Starts serving {@code store} on {@code address}.
   *
   * @param token the token every request must carry, or {@code null} on a loopback address
   */
  static DumpViewer start(DumpStore store, String location, InetSocketAddress address, String token)
      throws IOException {
    DumpViewer viewer = new DumpViewer(HttpServer.create(address, 16), store, location, token);
    viewer.server.start();
    return viewer;
  }

  /** The address actually bound (with the port chosen when 0 was asked for). */
  InetSocketAddress address() {
    return server.getAddress();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, message("Read-only", "This viewer only reads the store."));
        return;
      }
      if (token == null && !loopbackHost(exchange.getRequestHeaders().getFirst("Host"))) {
        send(exchange, 403, message("Forbidden", "Open the viewer at http://127.0.0.1:" + address().getPort() + "/."));
        return;
      }
      if (token != null && !authorised(exchange)) {
        send(exchange, 403, message("Token required", "Open the URL with ?token= that serve printed at start."));
        return;
      }
      ViewerQuery query = ViewerQuery.parse(exchange.getRequestURI().getRawQuery());
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/")) {
        send(exchange, 200, pages.list(store.list(), query));
      } else if (path.equals("/stats")) {
        send(exchange, 200, pages.stats(StoreTimeline.of(store), query));
      } else if (path.startsWith("/dump/") && path.length() > "/dump/".length()) {
        dump(exchange, path.substring("/dump/".length()), query);
      } else {
        send(exchange, 404, message("Not found", "No page at " + path + "."));
      }
    }
  }

  private void dump(HttpExchange exchange, String id, ViewerQuery query) throws IOException {
    String title = "Dump " + id;
    try {
      Dump dump = store.load(id);
      HtmlPage.Entry entry = new HtmlPage.Entry(dump, store.occurrences(id), List.of(id, "--dir", location),
          ViewerPages::dumpPage);
      send(exchange, 200, HtmlPage.ofDumps(title + " - offline-debug", pages.navigation(query), List.of(entry)));
    } catch (DumpExpiredException e) {
      send(exchange, 410, message(title, "expired: retention has deleted it."));
    } catch (DumpNotFoundException e) {
      send(exchange, 404, message(title, "not found in this store."));
    } catch (DumpFormatException e) {
      send(exchange, 500, message(title, "damaged: " + e.getMessage()));
    }
  }

  private boolean authorised(HttpExchange exchange) {
    String offered = ViewerQuery.parse(exchange.getRequestURI().getRawQuery()).get("token");
    if (offered != null && MessageDigest.isEqual(token, offered.getBytes(StandardCharsets.UTF_8))) {
      exchange.getResponseHeaders().add("Set-Cookie",
          TOKEN_COOKIE + "=" + offered + "; Path=/; HttpOnly; SameSite=Strict");
      return true;
    }
    for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
      for (String cookie : header.split(";")) {
        String[] pair = cookie.trim().split("=", 2);
        if (pair.length == 2 && pair[0].equals(TOKEN_COOKIE)
            && MessageDigest.isEqual(token, pair[1].getBytes(StandardCharsets.UTF_8))) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean loopbackHost(String host) {
    if (host == null) {
      return false;
    }
    String port = ":" + address().getPort();
    return host.endsWith(port) && LOOPBACK_HOSTS.contains(host.substring(0, host.length() - port.length()));
  }

  private String message(String title, String text) {
    return HtmlPage.of(title + " - offline-debug", "", "<h1>" + HtmlPage.escape(title) + "</h1>\n<p>"
        + HtmlPage.escape(text) + "</p>\n");
  }

  private static void send(HttpExchange exchange, int status, String page) throws IOException {
    byte[] body = page.getBytes(StandardCharsets.UTF_8);
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Type", "text/html; charset=utf-8");
    headers.set("Content-Security-Policy", HtmlPage.CONTENT_SECURITY_POLICY + "; frame-ancestors 'none'");
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("Cache-Control", "no-store");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
