package dev.offlinedebug.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DumpOptionsTest {
  private final List<String> errors = new ArrayList<>();

  @Test
  void parse_nothingSet_givesDocumentedDefaults() {
    SinkSettings s = new DumpOptions().parse(errors::add);

    assertEquals(List.of(), errors);
    assertEquals(Path.of("logs/dumps").toAbsolutePath().normalize(), s.writer().directory());
    assertEquals(WriterSettings.defaults(s.writer().directory()), s.writer());
    assertEquals(Severity.ERROR, s.minLevel());
  }

  @Test
  void parse_everyOptionSet_usesEachValue() {
    DumpOptions o = new DumpOptions();
    o.setDirectory("target/d");
    o.setMaxFileSize("2MB");
    o.setMaxTotalSize("1 GB");
    o.setMaxAge("12h");
    o.setMinLevel("warn");
    o.setMaxDepth("0");
    o.setMaxStringLength("10");
    o.setMaxCollectionElements("3");
    o.setMaxDumpBytes("64KB");
    o.setRedact("iban, type:com.acme.Card,package:com.acme.secret,/\\d{4}-\\d{4}/");
    o.setDedupWindow("0");
    o.setMaxDumpsPerSecond("5");
    o.setRedactUnnamed("false");

    SinkSettings s = o.parse(errors::add);

    assertEquals(List.of(), errors);
    WriterSettings w = s.writer();
    assertEquals(Path.of("target/d").toAbsolutePath(), w.directory());
    assertEquals(2L << 20, w.maxFileSize());
    assertEquals(1L << 30, w.maxTotalSize());
    assertEquals(Duration.ofHours(12), w.maxAge());
    assertEquals(Duration.ZERO, w.dedupWindow());
    assertEquals(5, w.maxDumpsPerSecond());
    assertEquals(
        new CaptureLimits(0, 10, 3, 64 * 1024,
            List.of("iban", "type:com.acme.Card", "package:com.acme.secret", "/\\d{4}-\\d{4}/"), false),
        w.limits());
    assertEquals(Severity.WARN, s.minLevel());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '#', value = {
    "maxFileSize#abc#maxFileSize 'abc' is not in the expected format (<number>[KB|MB|GB])",
    "maxFileSize#16TB#maxFileSize '16TB' is not in the expected format (<number>[KB|MB|GB])",
    "maxTotalSize#-1MB#maxTotalSize '-1MB' is not in the expected format (<number>[KB|MB|GB])",
    "maxAge#7#maxAge '7' is not in the expected format (<number>[ms|s|m|h|d])",
    "maxAge#0#maxAge '0' is not in the expected format (<number>[ms|s|m|h|d])",
    "dedupWindow#1w#dedupWindow '1w' is not in the expected format (<number>[ms|s|m|h|d] or 0)",
    "minLevel#SEVERE#minLevel 'SEVERE' is not in the expected format (TRACE|DEBUG|INFO|WARN|ERROR|FATAL)",
    "maxDepth#-1#maxDepth '-1' is not in the expected format (<integer >= 0>)",
    "maxStringLength#x#maxStringLength 'x' is not in the expected format (<integer >= 1>)",
    "maxCollectionElements#0#maxCollectionElements '0' is not in the expected format (<integer >= 1>)",
    "maxDumpsPerSecond#0#maxDumpsPerSecond '0' is not in the expected format (<integer >= 1>)",
    "maxDumpBytes#0KB#maxDumpBytes '0KB' is not in the expected format (a size from 1B to 8EB as <number>[KB|MB|GB])",
    "redact#type:#redact 'type:' is not in the expected format (<name>|type:<class>|package:<package>|/<regex>/)",
    "redact#/[/#redact rule '/[/' is not a valid regular expression: Unclosed character class",
    "redactUnnamed#no#redactUnnamed 'no' is not in the expected format (true|false)",
  })
  void parse_badValue_reportsExpectedFormat(String option, String value, String message) {
    DumpOptions o = new DumpOptions();
    SETTERS.get(option).accept(o, value);

    assertNull(o.parse(errors::add));
    assertEquals(List.of(message), errors);
  }

  @ParameterizedTest
  @CsvSource({
    "maxFileSize, 100KB, 102400, 102400",
    "maxTotalSize, 100KB, 102400, 102400",
    "maxTotalSize, 1MB, 1048576, 262144",
  })
  void parse_onlyASmallSize_theSizesItBoundsDefaultToAtMostIt(String option, String value, long fileSize, int dumpBytes) {
    DumpOptions o = new DumpOptions();
    SETTERS.get(option).accept(o, value);

    SinkSettings s = o.parse(errors::add);

    assertEquals(List.of(), errors);
    assertEquals(fileSize, s.writer().maxFileSize());
    assertEquals(dumpBytes, s.writer().limits().maxDumpBytes());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '#', value = {
    "64MB#16MB##maxFileSize (64MB) must not exceed maxTotalSize (16MB)",
    "512MB###maxFileSize (512MB) must not exceed maxTotalSize (256MB by default)",
    "100KB##200KB#maxDumpBytes (200KB) must not exceed maxFileSize (100KB) nor 2GB",
    "##32MB#maxDumpBytes (32MB) must not exceed maxFileSize (16MB by default) nor 2GB",
  })
  void parse_sizesInConflict_namesTheValuesInForce(String fileSize, String totalSize, String dumpBytes, String message) {
    DumpOptions o = new DumpOptions();
    o.setMaxFileSize(fileSize);
    o.setMaxTotalSize(totalSize);
    o.setMaxDumpBytes(dumpBytes);

    assertNull(o.parse(errors::add));
    assertEquals(List.of(message), errors);
  }

  @Test
  void parse_redactRegexWithCommas_keptWhole() {
    DumpOptions o = new DumpOptions();
    o.setRedact("orderId, /ORD-[0-9]{1,3}/ ,/a,b/,type:com.acme.Card, /x/");

    SinkSettings s = o.parse(errors::add);

    assertEquals(List.of(), errors);
    assertEquals(List.of("orderId", "/ORD-[0-9]{1,3}/", "/a,b/", "type:com.acme.Card", "/x/"),
        s.writer().limits().redact());
  }

  @Test
  void parse_severalBadValues_reportsEach() {
    DumpOptions o = new DumpOptions();
    o.setMaxFileSize("big");
    o.setMaxAge("forever");

    assertNull(o.parse(errors::add));
    assertEquals(2, errors.size());
  }

  @Test
  void parse_redactUnnamed_defaultOnAnyCase() {
    assertEquals(true, new DumpOptions().parse(errors::add).writer().limits().redactUnnamed());
    DumpOptions o = new DumpOptions();
    o.setRedactUnnamed(" TRUE ");
    assertEquals(true, o.parse(errors::add).writer().limits().redactUnnamed());
    assertEquals(List.of(), errors);
  }

  @Test
  void parse_blankValue_meansDefault() {
    DumpOptions o = new DumpOptions();
    o.setMaxFileSize(" ");
    assertNotNull(o.parse(errors::add));
    assertEquals(List.of(), errors);
  }

  private static final java.util.Map<String, BiConsumer<DumpOptions, String>> SETTERS = java.util.Map.ofEntries(
      java.util.Map.entry("maxFileSize", DumpOptions::setMaxFileSize),
      java.util.Map.entry("maxTotalSize", DumpOptions::setMaxTotalSize),
      java.util.Map.entry("maxAge", DumpOptions::setMaxAge),
      java.util.Map.entry("dedupWindow", DumpOptions::setDedupWindow),
      java.util.Map.entry("minLevel", DumpOptions::setMinLevel),
      java.util.Map.entry("maxDepth", DumpOptions::setMaxDepth),
      java.util.Map.entry("maxStringLength", DumpOptions::setMaxStringLength),
      java.util.Map.entry("maxCollectionElements", DumpOptions::setMaxCollectionElements),
      java.util.Map.entry("maxDumpsPerSecond", DumpOptions::setMaxDumpsPerSecond),
      java.util.Map.entry("maxDumpBytes", DumpOptions::setMaxDumpBytes),
      java.util.Map.entry("redact", DumpOptions::setRedact),
      java.util.Map.entry("redactUnnamed", DumpOptions::setRedactUnnamed));
}
