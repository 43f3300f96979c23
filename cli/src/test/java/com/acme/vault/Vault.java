package com.acme.vault;

import java.math.BigInteger;
import java.util.AbstractMap;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Code compiled with {@code -g} that fails holding one secret of every kind the redaction knows, each
 * under a name that says nothing: only the value rules can catch them. The agent attached to the
 * integration tests records these locals.
 */
public final class Vault {
  /** Every secret below, as it must never reach a store file or the command's output. */
  public static final List<String> SECRETS = List.of(
      "cp-named-pw", "cp-entry-pw", "cp-header-token", "cp-builder-pw", "cp-list-pw", "cp-short",
      "cp-url-pw", "cp-late-token", "cp-arg-pw", "cp-apikey", "cp-hmac-key", "cp-chars-pw",
      basic("ada:cp-basic-pw"), "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjcC1qd3QifQ.c2lnbmF0dXJlLWNw",
      "abcdefghijklmnop0123456789", "5500 0000 0000 0004", "cp-field-token", "cp-adjacent", "cp-map-apikey",
      "cp-sb-text", "cp-json-pw", "cp-query-token", "4111 1111 1111 1111", "cp-jdbc-pw", "cp-optional",
      "cp-yaml-pw", "cp-cookie", "cp-simple-entry", "cp-proxy-auth", "cp-ftp-pw", "cp-enum-key");
  /** Card numbers held in integral types. */
  public static final List<Long> CARD_NUMBERS = List.of(4111111111111111L, 5105105105105100L);
  public static final String BIG_CARD_NUMBER = "4012888888881881";

  private Vault() {}

  /** Form fields as an application may name them. */
  public enum Field {
    USER,
    PASSWORD
  }

  /** A name/value pair as HTTP clients model headers. */
  public static final class Header {
    final String name;
    final String value;

    Header(String name, String value) {
      this.name = name;
      this.value = value;
    }
  }

  /** An exception carrying a secret in a field. */
  public static final class VaultException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String secretToken;

    VaultException(String message, String secretToken) {
      super(message);
      this.secretToken = secretToken;
    }
  }

  static String basic(String userAndPassword) {
    return Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
  }

  /** Fails with every corpus secret in a local; returns the exception as a swallowing caller would. */
  public static RuntimeException open() {
    try {
      unlock();
      throw new AssertionError("unlock fails");
    } catch (VaultException e) {
      return e;
    }
  }

  /**
   * Longer than HotSpot's inlining threshold (325 bytes of bytecode) on its own, so that the agent's
   * inlining guard does not leave it uninstrumented.
   */
  private static void unlock() {
    String password = "cp-named-pw";
    char[] passphrase = "cp-chars-pw".toCharArray();
    Map.Entry<String, String> entry = Map.entry("password", "cp-entry-pw");
    String[][] headers = {{"Accept", "text/plain"}, {"Authorization", "cp-header-token"}};
    Map<StringBuilder, String> form = new LinkedHashMap<>();
    form.put(new StringBuilder("password"), "cp-builder-pw");
    byte[] hmacKey = "cp-hmac-key".getBytes(StandardCharsets.UTF_8);
    String header = "Authorization: Basic " + basic("ada:cp-basic-pw");
    String shortBearer = "Bearer cp-short";
    String target = "https://ada:cp-url-pw@db.example.com/app";
    long amount = 4111111111111111L;
    BigInteger big = new BigInteger(BIG_CARD_NUMBER);
    List<String> settings = List.of("user=ada", "password=cp-list-pw");
    String longText = "x".repeat(5_000) + " Authorization: Bearer cp-late-token";
    String[] args = {"--verbose", "--password", "cp-arg-pw"};
    Header apiKey = new Header("X-Api-Key", "cp-apikey");
    String note = "token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjcC1qd3QifQ.c2lnbmF0dXJlLWNw";
    String paid = "paid with 5500 0000 0000 0004";
    String longBearer = "Bearer abcdefghijklmnop0123456789";
    Object[] pair = {"token", "cp-adjacent"};
    Map<String, String> byName = Map.of("apiKey", "cp-map-apikey");
    StringBuilder builderText = new StringBuilder("password=cp-sb-text");
    String json = "{\"password\":\"cp-json-pw\"}";
    String query = "user=ada&token=cp-query-token";
    char[] cardChars = "4111 1111 1111 1111".toCharArray();
    String jdbc = "jdbc:postgresql://app:cp-jdbc-pw@db:5432/app";
    long[] cards = {5105105105105100L};
    Optional<String> bearerHolder = Optional.of("Bearer cp-optional");
    String yaml = "password: cp-yaml-pw";
    String cookieHeader = "Cookie: SESSION=cp-cookie";
    AbstractMap.SimpleEntry<String, String> simple = new AbstractMap.SimpleEntry<>("secret", "cp-simple-entry");
    List<String> flat = List.of("Accept", "text/plain", "Proxy-Authorization", "cp-proxy-auth");
    String ftp = "ftp://bob:cp-ftp-pw@files.example.com";
    Map<Field, String> byEnum = Map.of(Field.PASSWORD, "cp-enum-key");
    int kept = 42;
    throw new VaultException("vault locked", "cp-field-token");
  }
}
