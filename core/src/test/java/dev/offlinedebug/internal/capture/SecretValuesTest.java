package dev.offlinedebug.internal.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.offlinedebug.Dump;
import dev.offlinedebug.locals.RecordedFrame;
import dev.offlinedebug.model.ArrayValue;
import dev.offlinedebug.model.LocalVariable;
import dev.offlinedebug.model.MapValue;
import dev.offlinedebug.model.ObjectValue;
import dev.offlinedebug.model.OmittedValue.Reason;
import dev.offlinedebug.model.OmittedValue;
import dev.offlinedebug.model.PrimitiveValue;
import dev.offlinedebug.model.StringValue;
import dev.offlinedebug.model.Value;
import dev.offlinedebug.spi.CaptureLimits;
import dev.offlinedebug.spi.LoggedEvent;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The value rules of issue 11 item 5: secrets that reached disk although a rule existed for their kind. */
class SecretValuesTest {
  private static final Redaction BUILT_IN = new Redaction(List.of());

  private static OmittedValue redacted(String type) {
    return new OmittedValue(Reason.REDACTED, type);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "password=hunter2", "db.password = hunter2", "user=ada&password=hunter2&x=1", "{\"password\":\"hunter2\"}",
      "token: abc", "Authorization: Basic dXNlcjpodW50ZXIy", "Basic dXNlcjpodW50ZXIy",
      "Authorization: Bearer abc123", "Bearer abc", "bearer tok-1", "https://ada:hunter2@db.example.com/x",
      "jdbc:postgresql://ada:hunter2@db:5432/app", "x-api-key: k1"})
  void redactsText_secretsTheOldRulesMissed(String text) {
    assertTrue(BUILT_IN.redactsText(text), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "the bearer of bad news", "https://db.example.com:5432/x", "ssh://git@github.com/repo", "at 12:30:45",
      "basic arithmetic", "user=ada", "count: 3", "Basic auth is disabled", "password=", "key=value"})
  void redactsText_ordinaryText(String text) {
    assertFalse(BUILT_IN.redactsText(text), text);
  }

  @Test
  void redactsText_secretBeyondTheFirstFourThousandChars() {
    String text = "x".repeat(10_000) + " Authorization: Bearer abcdefghijklmnop0123456789";
    assertTrue(BUILT_IN.redactsText(text));
    assertTrue(BUILT_IN.redactsText("y".repeat(5_000) + " card 4111 1111 1111 1111"));
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES) // hang guard: a search restarted at every position takes hours
  void redactsText_hostileRuns_scannedInOnePass() {
    for (String unit : List.of("eyJ", "a", "4", "1 ", "a=", "bearer ", "://", "a:", "Basic ")) {
      assertFalse(BUILT_IN.redactsText(unit.repeat(1_000_000 / unit.length())), unit);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"hmacKey", "signingKey", "HMAC_KEY", "encryptionKeyBytes", "licenseKey", "userInfo",
      "clientSecret", "webhookSecret"})
  void redactsName_keysAndSecrets(String name) {
    assertTrue(BUILT_IN.redactsName(name), name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"key", "keys", "cacheKey", "primaryKey", "mapKey", "sortKey", "publicKey", "monkey",
      "keyboard", "hockey", "keyCount"})
  void redactsName_keysThatAreNoSecret(String name) {
    assertFalse(BUILT_IN.redactsName(name), name);
  }

  @Test
  void capture_cardNumberInIntegralTypes_redacted() {
    Map<String, Value> locals = new LocalsFixture()
        .local("amount", "long", 4111111111111111L)
        .local("boxed", "java.lang.Long", 5500000000000004L)
        .local("big", new BigInteger("4111111111111111"))
        .local("millis", "long", 1764134400000L)
        .local("notLuhn", "long", 4111111111111112L)
        .capturedLocals(CaptureLimits.DEFAULTS);

    assertEquals(redacted("long"), locals.get("amount"));
    assertEquals(redacted("java.lang.Long"), locals.get("boxed"));
    assertEquals(redacted("java.math.BigInteger"), locals.get("big"));
    assertEquals(new PrimitiveValue("long", 1764134400000L), locals.get("millis"));
    assertEquals(new PrimitiveValue("long", 4111111111111112L), locals.get("notLuhn"));
  }

  @Test
  void capture_keyValuePairsInAnyStructure_valueRedacted() {
    Map<Object, Object> builderKeys = new LinkedHashMap<>();
    builderKeys.put(new StringBuilder("password"), "hunter2");
    builderKeys.put(new StringBuilder("user"), "ada");
    Map<String, Value> locals = new LocalsFixture()
        .local("entry", Map.entry("password", "hunter2"))
        .local("headers", new String[][] {{"Accept", "text/plain"}, {"Authorization", "s3cr3t"}})
        .local("flatHeaders", List.of("Accept", "text/plain", "X-Api-Key", "s3cr3t"))
        .local("args", new String[] {"--verbose", "--password", "hunter2"})
        .local("builderKeys", builderKeys)
        .local("settings", List.of("user=ada", "password=hunter2"))
        .local("pair", new NameValue("password", "hunter2"))
        .local("hmacKey", "byte[]", new byte[] {1, 2, 3})
        .capturedLocals(CaptureLimits.DEFAULTS);

    ObjectValue entry = assertInstanceOf(ObjectValue.class, locals.get("entry"));
    assertEquals(StringValue.of("password"), entry.fields().get("key"));
    assertEquals(redacted("java.lang.String"), entry.fields().get("value"));
    ArrayValue headers = assertInstanceOf(ArrayValue.class, locals.get("headers"));
    ArrayValue authorization = assertInstanceOf(ArrayValue.class, headers.elements().get(1));
    assertEquals(List.of(StringValue.of("Authorization"), redacted("java.lang.String")), authorization.elements());
    ArrayValue accept = assertInstanceOf(ArrayValue.class, headers.elements().get(0));
    assertEquals(List.of(StringValue.of("Accept"), StringValue.of("text/plain")), accept.elements());
    ArrayValue flat = assertInstanceOf(ArrayValue.class, locals.get("flatHeaders"));
    assertEquals(redacted("java.lang.String"), flat.elements().get(3));
    assertEquals(StringValue.of("text/plain"), flat.elements().get(1));
    ArrayValue args = assertInstanceOf(ArrayValue.class, locals.get("args"));
    assertEquals(redacted("java.lang.String"), args.elements().get(2));
    MapValue builders = assertInstanceOf(MapValue.class, locals.get("builderKeys"));
    assertEquals(redacted("java.lang.String"), builders.entries().get(0).value());
    assertEquals(StringValue.of("ada"), builders.entries().get(1).value());
    ArrayValue settings = assertInstanceOf(ArrayValue.class, locals.get("settings"));
    assertEquals(List.of(StringValue.of("user=ada"), redacted("java.lang.String")), settings.elements());
    ObjectValue pair = assertInstanceOf(ObjectValue.class, locals.get("pair"));
    assertEquals(redacted("java.lang.String"), pair.fields().get("value"));
    assertEquals(redacted("byte[]"), locals.get("hmacKey"));
  }

  @Test
  void capture_unnamedLocals_textAndBytesRedacted() {
    Map<String, Value> locals = unnamedFrame(CaptureLimits.DEFAULTS);

    assertEquals(new PrimitiveValue("int", 3), locals.get("arg0"));
    assertEquals(redacted("java.lang.String"), locals.get("arg1"));
    assertEquals(redacted("char[]"), locals.get("local2"));
    assertEquals(redacted("byte[]"), locals.get("local3"));
    assertEquals(redacted("java.lang.StringBuilder"), locals.get("local4"));
    assertInstanceOf(ArrayValue.class, locals.get("local5"));
  }

  @Test
  void capture_unnamedLocalsWithRedactUnnamedOff_kept() {
    CaptureLimits off = new CaptureLimits(4, 1024, 64, 256 * 1024, List.of(), false);

    Map<String, Value> locals = unnamedFrame(off);

    assertEquals(StringValue.of("hunter2"), locals.get("arg1"));
    assertInstanceOf(ArrayValue.class, locals.get("local2"));
  }

  @Test
  void capture_namedLocalsCalledLikeUnnamedOnes_kept() {
    Map<String, Value> locals = new LocalsFixture()
        .local("request", "GET /")
        .local("arg1", "plain text")
        .capturedLocals(CaptureLimits.DEFAULTS);

    assertEquals(StringValue.of("plain text"), locals.get("arg1"));
  }

  /** A user's name/value pair, such as an HTTP client's header or form parameter. */
  static final class NameValue {
    private final String name;
    private final String value;

    NameValue(String name, String value) {
      this.name = name;
      this.value = value;
    }
  }

  @Test
  void capture_thisOfUnnamedFrame_keptAsAnyValue() {
    Map<String, Value> locals = capturedFrame(CaptureLimits.DEFAULTS, new String[] {"this", "arg0"},
        new String[] {"java.lang.StringBuilder", "java.lang.String"}, new Object[] {new StringBuilder("self"), "pw"});

    assertEquals(StringValue.of("self"), locals.get("this"));
    assertEquals(redacted("java.lang.String"), locals.get("arg0"));
  }

  /** A frame as the agent records it for a class compiled without {@code -g}. */
  private static Map<String, Value> unnamedFrame(CaptureLimits limits) {
    return capturedFrame(limits, new String[] {"arg0", "arg1", "local2", "local3", "local4", "local5"},
        new String[] {"int", "java.lang.String", "char[]", "byte[]", "java.lang.StringBuilder", "int[]"},
        new Object[] {3, "hunter2", "hunter2".toCharArray(), new byte[] {1, 2}, new StringBuilder("pw"),
            new int[] {1}});
  }

  private static Map<String, Value> capturedFrame(CaptureLimits limits, String[] names, String[] types,
      Object[] values) {
    Throwable thrown = new IllegalStateException("no debug info");
    StackTraceElement top = thrown.getStackTrace()[0];
    RecordedFrame frame = new RecordedFrame(top.getClassName(), top.getMethodName(), top.getLineNumber(),
        names, types, values);
    DumpCapture capture = new DumpCapture(limits, "fixture", (t, trace) -> t == thrown ? List.of(frame) : List.of(),
        () -> true);
    Dump dump = capture.capture("od-test", thrown, LoggedEvent.standalone());
    Map<String, Value> locals = new LinkedHashMap<>();
    for (LocalVariable local : dump.exception().root().frames().get(0).locals()) {
      locals.put(local.name(), local.value());
    }
    return locals;
  }
}
