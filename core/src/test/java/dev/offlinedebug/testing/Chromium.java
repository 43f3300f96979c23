package dev.offlinedebug.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium (Debian's package) driven over the Chrome DevTools protocol with the JDK's
 * WebSocket client: one browser per test class, one page it navigates. Absent Chromium skips the
 * tests on a developer machine but fails them in CI ({@code CI=true}), where it must be installed.
 */
public final class Chromium implements AutoCloseable {
  /** Only a guard against a hung browser: no test asserts on how long anything takes. */
  private static final long HANG_GUARD_SECONDS = 60;
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

  private final Process process;
  private final WebSocket socket;
  private final AtomicInteger nextId = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
  private final List<JsonObject> events = new CopyOnWriteArrayList<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();

  private Chromium(Process process, WebSocket.Builder sockets, URI page) throws Exception {
    this.process = process;
    this.socket = sockets.buildAsync(page, new Listener()).get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
    call("Page.enable", new JsonObject());
    call("Runtime.enable", new JsonObject());
    call("Network.enable", new JsonObject());
  }

  /** Starts the browser, or skips the calling test class when there is none outside CI. */
  public static Chromium start(Path profile) throws Exception {
    Path binary = binary();
    if (binary == null) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true but no Chromium: install Debian's chromium package (or set $CHROMIUM)");
      }
      Assumptions.abort("no Chromium on this machine (install Debian's chromium package, or set $CHROMIUM)");
    }
    Files.createDirectories(profile);
    Process process = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-extensions", "--hide-scrollbars", "--window-size=1280,900",
        "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
        "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String browserUrl = devToolsUrl(process);
    URI base = URI.create(browserUrl.replaceFirst("^ws://([^/]+)/.*$", "http://$1/"));
    HttpClient http = HttpClient.newHttpClient();
    JsonArray targets = JsonParser.parseString(http.send(HttpRequest.newBuilder(base.resolve("json/list")).build(),
        HttpResponse.BodyHandlers.ofString()).body()).getAsJsonArray();
    for (JsonElement target : targets) {
      if (target.getAsJsonObject().get("type").getAsString().equals("page")) {
        URI page = URI.create(target.getAsJsonObject().get("webSocketDebuggerUrl").getAsString());
        return new Chromium(process, http.newWebSocketBuilder(), page);
      }
    }
    process.destroyForcibly();
    throw new AssertionError("Chromium opened no page: " + targets);
  }

  private static Path binary() {
    String configured = System.getenv("CHROMIUM");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    return null;
  }

  private static String devToolsUrl(Process process) throws Exception {
    CompletableFuture<String> url = new CompletableFuture<>();
    StringBuilder log = new StringBuilder();
    Thread reader = new Thread(() -> {
      try (BufferedReader err = new BufferedReader(
          new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
        for (String line = err.readLine(); line != null; line = err.readLine()) {
          Matcher listening = LISTENING.matcher(line);
          if (listening.find()) {
            url.complete(listening.group(1));
          } else if (!url.isDone()) {
            log.append(line).append('\n');
          }
        }
      } catch (IOException e) {
        url.completeExceptionally(e);
      }
      url.completeExceptionally(new AssertionError("Chromium exited before listening:\n" + log));
    }, "chromium-stderr");
    reader.setDaemon(true);
    reader.start();
    return url.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
  }

  /** Sends one DevTools command and returns its result. */
  public JsonObject call(String method, JsonObject params) throws Exception {
    int id = nextId.incrementAndGet();
    JsonObject message = new JsonObject();
    message.addProperty("id", id);
    message.addProperty("method", method);
    message.add("params", params);
    CompletableFuture<JsonObject> reply = new CompletableFuture<>();
    pending.put(id, reply);
    synchronized (socket) {
      socket.sendText(message.toString(), true).get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
    }
    JsonObject response = reply.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
    if (response.has("error")) {
      throw new AssertionError(method + " failed: " + response.get("error"));
    }
    return response.getAsJsonObject("result");
  }

  /** Opens {@code url} and waits for its load event; the requests it makes are recorded anew. */
  public void open(String url) throws Exception {
    JsonObject params = new JsonObject();
    params.addProperty("url", url);
    loading(() -> call("Page.navigate", params));
  }

  /** Clicks what leads to another page (a link, a form's button) and waits for that page to load. */
  public void clickToLoad(String selector) throws Exception {
    loading(() -> click(selector));
  }

  private interface Action {
    void run() throws Exception;
  }

  private void loading(Action navigation) throws Exception {
    events.clear();
    requests.clear();
    navigation.run();
    long guard = System.nanoTime() + TimeUnit.SECONDS.toNanos(HANG_GUARD_SECONDS);
    while (events.stream().noneMatch(e -> e.get("method").getAsString().equals("Page.loadEventFired"))) {
      if (System.nanoTime() > guard) {
        throw new AssertionError("no page loaded");
      }
      synchronized (events) {
        events.wait(100);
      }
    }
  }

  /** Lets pages read and write the clipboard, as a user's click on a browser prompt would. */
  public void grantClipboard() throws Exception {
    JsonObject params = new JsonObject();
    JsonArray permissions = new JsonArray();
    permissions.add("clipboardReadWrite");
    permissions.add("clipboardSanitizedWrite");
    params.add("permissions", permissions);
    call("Browser.grantPermissions", params);
  }

  /** Every URL the page asked for since it was opened. */
  public List<String> requests() {
    return new ArrayList<>(requests);
  }

  /** The value of a JavaScript expression (awaited when it is a promise). */
  public JsonElement eval(String expression) throws Exception {
    JsonObject params = new JsonObject();
    params.addProperty("expression", expression);
    params.addProperty("returnByValue", true);
    params.addProperty("awaitPromise", true);
    JsonObject result = call("Runtime.evaluate", params);
    if (result.has("exceptionDetails")) {
      throw new AssertionError("script failed: " + expression + "\n" + result.get("exceptionDetails"));
    }
    JsonObject value = result.getAsJsonObject("result");
    return value.has("value") ? value.get("value") : null;
  }

  /** Clicks the middle of the first element matching {@code selector} with the mouse, as a user would. */
  public void click(String selector) throws Exception {
    JsonElement box = eval("(() => { const e = document.querySelector(" + quote(selector) + ");"
        + " if (!e) return null; e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
        + " return {x: r.left + Math.min(r.width / 2, 40), y: r.top + r.height / 2}; })()");
    if (box == null || box.isJsonNull()) {
      throw new AssertionError("nothing to click matches " + selector);
    }
    for (String type : List.of("mousePressed", "mouseReleased")) {
      JsonObject params = new JsonObject();
      params.addProperty("type", type);
      params.addProperty("x", box.getAsJsonObject().get("x").getAsDouble());
      params.addProperty("y", box.getAsJsonObject().get("y").getAsDouble());
      params.addProperty("button", "left");
      params.addProperty("clickCount", 1);
      call("Input.dispatchMouseEvent", params);
    }
  }

  /**
   * A selector for the first element matching {@code selector} whose text contains {@code text}
   * (it is marked with a {@code data-pick} attribute); fails when there is none.
   */
  public String pick(String selector, String text) throws Exception {
    String name = "p" + nextId.incrementAndGet();
    boolean found = eval("(() => { const e = [...document.querySelectorAll(" + quote(selector) + ")]"
        + ".find(e => e.textContent.includes(" + quote(text) + ")); if (!e) return false;"
        + " e.setAttribute('data-pick', " + quote(name) + "); return true; })()").getAsBoolean();
    if (!found) {
      throw new AssertionError("no " + selector + " contains " + text);
    }
    return "[data-pick=" + name + "]";
  }

  /** Whether the first element matching {@code selector} is rendered (not inside a closed {@code <details>}). */
  public boolean visible(String selector) throws Exception {
    JsonElement shown = eval("(() => { const e = document.querySelector(" + quote(selector) + ");"
        + " return !!e && e.checkVisibility(); })()");
    return shown.getAsBoolean();
  }

  /** The rendered text of the first element matching {@code selector}. */
  public String text(String selector) throws Exception {
    return eval("document.querySelector(" + quote(selector) + ").innerText").getAsString();
  }

  /** Saves a PNG of the whole page. */
  public void screenshot(Path file) throws Exception {
    JsonObject params = new JsonObject();
    params.addProperty("format", "png");
    params.addProperty("captureBeyondViewport", true);
    JsonObject metrics = call("Page.getLayoutMetrics", new JsonObject()).getAsJsonObject("cssContentSize");
    JsonObject clip = new JsonObject();
    clip.addProperty("x", 0);
    clip.addProperty("y", 0);
    clip.addProperty("width", Math.min(metrics.get("width").getAsDouble(), 1280));
    clip.addProperty("height", Math.min(metrics.get("height").getAsDouble(), 2400));
    clip.addProperty("scale", 1);
    params.add("clip", clip);
    String data = call("Page.captureScreenshot", params).get("data").getAsString();
    Files.createDirectories(file.getParent());
    Files.write(file, Base64.getDecoder().decode(data));
  }

  public static String quote(String text) {
    return new com.google.gson.JsonPrimitive(text).toString();
  }

  @Override
  public void close() {
    socket.abort();
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        JsonObject message = JsonParser.parseString(partial.toString()).getAsJsonObject();
        partial.setLength(0);
        if (message.has("id")) {
          CompletableFuture<JsonObject> reply = pending.remove(message.get("id").getAsInt());
          if (reply != null) {
            reply.complete(message);
          }
        } else {
          received(message);
        }
      }
      webSocket.request(1);
      return null;
    }
  }

  private void received(JsonObject event) {
    if (event.get("method").getAsString().equals("Network.requestWillBeSent")) {
      requests.add(event.getAsJsonObject("params").getAsJsonObject("request").get("url").getAsString());
    }
    events.add(event);
    synchronized (events) {
      events.notifyAll();
    }
  }
}
