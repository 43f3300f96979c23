package dev.offlinedebug.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.acme.vault.Vault;
import dev.offlinedebug.Dump;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.model.ArrayValue;
import dev.offlinedebug.model.FrameInfo;
import dev.offlinedebug.model.LocalVariable;
import dev.offlinedebug.model.MapValue;
import dev.offlinedebug.model.ObjectValue;
import dev.offlinedebug.model.PrimitiveValue;
import dev.offlinedebug.model.StringValue;
import dev.offlinedebug.model.TextValue;
import dev.offlinedebug.model.ThreadInfo;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.model.Value;
import dev.offlinedebug.spi.CaptureLimits;
import dev.offlinedebug.spi.DumpWriter;
import dev.offlinedebug.spi.LoggedEvent;
import dev.offlinedebug.spi.WriterSettings;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's redaction corpus: one secret of every kind the rules know, recorded by the real agent
 * from code compiled with and without {@code -g}, written by the real writer, then looked for in
 * the raw bytes of every store file (as UTF-8 and UTF-16 text, card numbers also as the 8 bytes of
 * a {@code long}), in every value of the loaded dumps (arrays of chars and bytes joined back into
 * text), and in every output of the command.
 */
class RedactionCorpusIT {
  /** Compiled with {@code -g:none} at test time: the agent names its locals {@code argN}/{@code localN}. */
  private static final String LEGACY_SOURCE = """
      package com.acme.legacy;

      public final class Legacy {
        public static RuntimeException call() {
          try {
            login(7, "cp-unnamed-user", "cp-unnamed-pw", "cp-unnamed-pin".toCharArray());
            return null;
          } catch (IllegalStateException e) {
            return e;
          }
        }

        static void login(int attempt, String user, String pw, char[] pin) {
          byte[] raw = "cp-unnamed-raw".getBytes();
          StringBuilder token = new StringBuilder("cp-unnamed-token");
          int next = attempt + 1;
          throw new IllegalStateException("login failed");
        }
      }
      """;
  private static final List<String> UNNAMED_SECRETS =
      List.of("cp-unnamed-user", "cp-unnamed-pw", "cp-unnamed-pin", "cp-unnamed-raw", "cp-unnamed-token");
  private static final Map<String, String> MDC =
      Map.of("sessionId", "cp-mdc-session", "note", "password=cp-mdc-pw", "user", "ada");

  @TempDir Path work;

  @Test
  void corpus_everySecretKind_absentFromStoreBytesLoadedValuesAndEveryOutput() throws Exception {
    Path dir = work.resolve("dumps");
    String named;
    String unnamed;
    // maxStringLength raised, so that only the whole-string scan keeps the late bearer token out.
    CaptureLimits limits = new CaptureLimits(4, 10_000, 64, 1 << 20, List.of());
    try (DumpWriter writer = DumpWriter.open(new WriterSettings(dir, WriterSettings.DEFAULT_MAX_FILE_SIZE,
        WriterSettings.DEFAULT_MAX_TOTAL_SIZE, WriterSettings.DEFAULT_MAX_AGE, Duration.ZERO, 1000, "corpus", limits),
        (message, cause) -> {
          throw new AssertionError("writer reported: " + message, cause);
        })) {
      named = write(writer, Vault.open());
      unnamed = write(writer, legacyFailure());
    }
    List<String> secrets = new ArrayList<>(Vault.SECRETS);
    secrets.addAll(UNNAMED_SECRETS);
    secrets.addAll(MDC.values().stream().filter(v -> v.startsWith("cp-") || v.contains("=")).toList());
    secrets.add(Vault.BIG_CARD_NUMBER);
    Vault.CARD_NUMBERS.forEach(n -> secrets.add(Long.toString(n)));

    assertLocalsWereRecorded(OfflineDebug.open(dir).load(named), OfflineDebug.open(dir).load(unnamed));
    List<String> leaks = new ArrayList<>();
    storeBytesLeaks(dir, secrets, leaks);
    for (String id : List.of(named, unnamed)) {
      valueLeaks(OfflineDebug.open(dir).load(id), secrets, leaks);
      outputLeaks(secrets, leaks, "show", id, "--dir", dir.toString());
      outputLeaks(secrets, leaks, "export", id, "--format", "json", "--dir", dir.toString());
      outputLeaks(secrets, leaks, "export", id, "--format", "yaml", "--dir", dir.toString());
    }
    outputLeaks(secrets, leaks, "list", "--dir", dir.toString());
    outputLeaks(secrets, leaks, "stats", "--dir", dir.toString());
    assertEquals(List.of(), leaks, "secrets that reached the disk or the screen");
  }

  private static String write(DumpWriter writer, Throwable thrown) {
    String id = writer.write(thrown, new LoggedEvent(Instant.now(), "com.acme.vault.Service", "ERROR",
        "vault failed", ThreadInfo.current(), MDC, List.of(), Map.of()));
    assertNotNull(id, "the writer dropped a dump");
    return id;
  }

  private Throwable legacyFailure() throws Exception {
    Path source = work.resolve("src/com/acme/legacy/Legacy.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, LEGACY_SOURCE);
    Path classes = Files.createDirectories(work.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int exit = javac.run(null, null, null, "-g:none", "--release", "17", "-d", classes.toString(), source.toString());
    assertEquals(0, exit, "javac");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Object failure = loader.loadClass("com.acme.legacy.Legacy").getMethod("call").invoke(null);
      return (Throwable) failure;
    }
  }

  /** Guards the corpus itself: the agent recorded the frames, so absent secrets mean redacted ones. */
  private static void assertLocalsWereRecorded(Dump named, Dump unnamed) {
    FrameInfo unlock = frame(named, "unlock");
    assertEquals(new PrimitiveValue("int", 42), local(unlock, "kept").value());
    assertEquals(34, unlock.locals().size(), "every local of the corpus method");
    FrameInfo login = frame(unnamed, "login");
    assertEquals(new PrimitiveValue("int", 7), local(login, "arg0").value());
    assertEquals(new PrimitiveValue("int", 8), local(login, "local6").value());
  }

  private static FrameInfo frame(Dump dump, String method) {
    for (ThrowableInfo t : dump.exception().throwables()) {
      for (FrameInfo f : t.frames()) {
        if (f.methodName().equals(method) && f.localsCaptured()) {
          return f;
        }
      }
    }
    throw new AssertionError("no recorded frame of " + method + " in " + dump.exception());
  }

  private static LocalVariable local(FrameInfo frame, String name) {
    return frame.locals().stream().filter(l -> l.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no local " + name + " in " + frame.locals()));
  }

  private static void storeBytesLeaks(Path dir, List<String> secrets, List<String> leaks) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertFalse(files.isEmpty());
    for (Path file : files) {
      byte[] bytes = Files.readAllBytes(file);
      for (String secret : secrets) {
        for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE)) {
          if (contains(bytes, secret.getBytes(charset))) {
            leaks.add(secret + " as " + charset + " in " + file.getFileName());
          }
        }
      }
      for (long card : Vault.CARD_NUMBERS) {
        for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
          byte[] raw = ByteBuffer.allocate(8).order(order).putLong(card).array();
          if (contains(bytes, raw)) {
            leaks.add(card + " as a " + order + " long in " + file.getFileName());
          }
        }
      }
    }
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static void valueLeaks(Dump dump, List<String> secrets, List<String> leaks) {
    List<String> texts = new ArrayList<>(dump.mdc().values());
    for (ThrowableInfo t : dump.exception().throwables()) {
      t.fields().values().forEach(v -> texts(v, texts));
      for (FrameInfo f : t.frames()) {
        f.locals().forEach(l -> texts(l.value(), texts));
      }
    }
    for (String text : texts) {
      for (String secret : secrets) {
        if (text.contains(secret)) {
          leaks.add(secret + " in a value of " + dump.id());
        }
      }
    }
  }

  /** Every text a value holds; a char or byte array joined back into the text it holds. */
  private static void texts(Value value, List<String> out) {
    if (value instanceof StringValue s) {
      out.add(s.value());
    } else if (value instanceof TextValue t) {
      out.add(t.text());
    } else if (value instanceof PrimitiveValue p) {
      out.add(String.valueOf(p.value()));
    } else if (value instanceof ObjectValue o) {
      o.fields().values().forEach(v -> texts(v, out));
    } else if (value instanceof MapValue m) {
      m.entries().forEach(e -> {
        texts(e.key(), out);
        texts(e.value(), out);
      });
    } else if (value instanceof ArrayValue a) {
      StringBuilder joined = new StringBuilder();
      for (Value element : a.elements()) {
        texts(element, out);
        if (element instanceof PrimitiveValue p && p.value() instanceof Character c) {
          joined.append(c);
        } else if (element instanceof PrimitiveValue p && p.value() instanceof Byte b) {
          joined.append((char) (b & 0xff));
        }
      }
      out.add(joined.toString());
    }
  }

  private void outputLeaks(List<String> secrets, List<String> leaks, String... args) throws Exception {
    JarRunner.Result result = new JarRunner(work).run(args);
    assertEquals(0, result.exit(), result.toString());
    for (String secret : secrets) {
      if (result.out().contains(secret) || result.err().contains(secret)) {
        leaks.add(secret + " in the output of " + String.join(" ", args.length > 2 ? List.of(args).subList(0, args.length - 2) : List.of(args)));
      }
    }
  }
}
