package dev.offlinedebug.internal.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.offlinedebug.Dump;
import dev.offlinedebug.model.MapValue;
import dev.offlinedebug.model.ObjectValue;
import dev.offlinedebug.model.OmittedValue.Reason;
import dev.offlinedebug.model.OmittedValue;
import dev.offlinedebug.model.PrimitiveValue;
import dev.offlinedebug.model.StringValue;
import dev.offlinedebug.model.Value;
import dev.offlinedebug.spi.CaptureLimits;
import dev.offlinedebug.spi.LoggedEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactionTest {
  private static final Redaction BUILT_IN = new Redaction(List.of());

  private static OmittedValue redacted(String type) {
    return new OmittedValue(Reason.REDACTED, type);
  }

  @ParameterizedTest
  @ValueSource(strings = {"password", "dbPassword", "DB_PASSWD", "pwd", "apiKey", "api-key", "x.auth.token",
      "accessToken", "Authorization", "sessionId", "JSESSIONID", "cookie", "jwt", "userSsn", "cvv", "credentials",
      "creditCardNumber", "privateKey", "otp", "userPin", "PIN_CODE", "pin2", "clientSecret", "authHeader"})
  void redactsName_sensitiveNames(String name) {
    assertTrue(BUILT_IN.redactsName(name), name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"spinner", "shipping", "footprint", "pinnacle", "author", "options", "user", "count",
      "mapping", "happiness", "topics", "ssnake"})
  void redactsName_ordinaryNamesContainingShortTerms(String name) {
    assertFalse(BUILT_IN.redactsName(name), name);
  }

  @Test
  void redactsText_tokensAndCardNumbers() {
    assertTrue(BUILT_IN.redactsText("Authorization: Bearer abcdefghijklmnop0123456789"));
    assertTrue(BUILT_IN.redactsText("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N"));
    assertTrue(BUILT_IN.redactsText("card 4111 1111 1111 1111 charged"));
    assertTrue(BUILT_IN.redactsText("5500-0000-0000-0004"));
    assertFalse(BUILT_IN.redactsText("card 4111 1111 1111 1112 fails Luhn"));
    assertFalse(BUILT_IN.redactsText("epoch millis 1764134400000 are not cards"));
    assertFalse(BUILT_IN.redactsText("the bearer of bad news"));
    assertFalse(BUILT_IN.redactsText(UUID.randomUUID().toString()));
  }

  @Test
  void passesLuhn_knownNumbers() {
    assertTrue(SecretText.passesLuhn(79927398713L));
    assertFalse(SecretText.passesLuhn(79927398710L));
  }

  @Test
  void capture_fieldsAndLocalsBySensitiveName_redacted() {
    Map<String, Value> locals = new LocalsFixture()
        .local("account", new CaptureSubjects.Account())
        .local("password", "char[]", "secret".toCharArray())
        .local("missingToken", "java.lang.String", null)
        .local("settings", Map.of("db.password", "pw", "db.user", "app"))
        .capturedLocals(CaptureLimits.DEFAULTS);

    ObjectValue account = assertInstanceOf(ObjectValue.class, locals.get("account"));
    assertEquals(StringValue.of("Ada"), account.fields().get("owner"));
    assertEquals(redacted("java.lang.String"), account.fields().get("password"));
    assertEquals(redacted("java.lang.String"), account.fields().get("apiKey"));
    assertEquals(redacted("int"), account.fields().get("userPin"));
    assertEquals(new PrimitiveValue("boolean", true), account.fields().get("spinner"));
    assertEquals(StringValue.of("express"), account.fields().get("shipping"));
    assertEquals(redacted("char[]"), locals.get("password"));
    assertEquals(redacted("java.lang.String"), locals.get("missingToken"));
    MapValue settings = assertInstanceOf(MapValue.class, locals.get("settings"));
    for (MapValue.Entry e : settings.entries()) {
      Value expected = e.key().equals(StringValue.of("db.password")) ? redacted("java.lang.String") : StringValue.of("app");
      assertEquals(expected, e.value());
    }
  }

  @Test
  void capture_valuesLookingSecret_redactedWhateverTheirName() {
    Map<String, Value> locals = new LocalsFixture()
        .local("header", "Bearer abcdefghijklmnop0123456789")
        .local("note", "paid with 4111111111111111")
        .local("chars", "4111111111111111".toCharArray())
        .local("plain", "nothing to hide")
        .capturedLocals(CaptureLimits.DEFAULTS);

    assertEquals(redacted("java.lang.String"), locals.get("header"));
    assertEquals(redacted("java.lang.String"), locals.get("note"));
    assertEquals(redacted("char[]"), locals.get("chars"));
    assertEquals(StringValue.of("nothing to hide"), locals.get("plain"));
  }

  @Test
  void capture_userRules_nameTypePackageAndRegex() {
    CaptureLimits limits = LocalsFixture.limits(4, 1024, 64, 100_000,
        "iban_number", "type:java.util.UUID", "package:dev.offlinedebug.internal.capture", "/ACME-[0-9]{4}/");
    Map<String, Value> locals = new LocalsFixture()
        .local("ibanNumber", "DE00")
        .local("id", UUID.randomUUID())
        .local("point", new CaptureSubjects.Point(1, 2))
        .local("ticket", "see ACME-1234")
        .local("when", Instant.EPOCH)
        .capturedLocals(limits);

    assertEquals(redacted("java.lang.String"), locals.get("ibanNumber"));
    assertEquals(redacted("java.util.UUID"), locals.get("id"));
    assertEquals(redacted(CaptureSubjects.Point.class.getName()), locals.get("point"));
    assertEquals(redacted("java.lang.String"), locals.get("ticket"));
    assertEquals("1970-01-01T00:00:00Z", ((dev.offlinedebug.model.TextValue) locals.get("when")).text());
  }

  @Test
  void redaction_malformedRule_failsNamingTheExpectedFormat() {
    IllegalArgumentException badRegex = assertThrows(IllegalArgumentException.class,
        () -> new DumpCapture(LocalsFixture.limits(4, 10, 10, 1000, "/[unclosed/"), null));
    assertTrue(badRegex.getMessage().contains("/[unclosed/"), badRegex.getMessage());
    IllegalArgumentException blank = assertThrows(IllegalArgumentException.class, () -> new Redaction(List.of(" _ ")));
    assertTrue(blank.getMessage().contains("expected format"), blank.getMessage());
  }

  @Test
  void capture_mdcAndExceptionFields_redacted() {
    LoggedEvent event = new LoggedEvent(Instant.now(), "app", "ERROR", "failed",
        dev.offlinedebug.model.ThreadInfo.current(),
        Map.of("sessionId", "abc", "user", "ada", "auth", "Bearer abcdefghijklmnop0123456789", "trace", "t-1"),
        List.of(), Map.of());
    Throwable thrown = new CaptureSubjects.ChargeFailure("declined", 42, "tok-1");

    Dump dump = new DumpCapture(CaptureLimits.DEFAULTS, null).capture("od-1", thrown, event);

    assertEquals(Map.of("sessionId", "<redacted>", "user", "ada", "auth", "<redacted>", "trace", "t-1"), dump.mdc());
    assertEquals(new PrimitiveValue("long", 42L), dump.exception().root().fields().get("orderId"));
    assertEquals(redacted("java.lang.String"), dump.exception().root().fields().get("secretToken"));
  }
}
