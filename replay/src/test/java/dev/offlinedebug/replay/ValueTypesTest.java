package dev.offlinedebug.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.offlinedebug.model.ArrayValue;
import dev.offlinedebug.model.MapValue;
import dev.offlinedebug.model.NullValue;
import dev.offlinedebug.model.StringValue;
import dev.offlinedebug.model.TextValue;
import dev.offlinedebug.model.ThrowableGraph;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.model.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each captured value becomes in a replay JVM: only allow-listed JDK types are built. */
class ValueTypesTest {
  private final ValueTypes types = new ValueTypes(new ThrowableGraph(List.of(new ThrowableInfo(
      "java.lang.Error", null, "java.lang.Error", List.of(), ThrowableInfo.NO_CAUSE, List.of(), Map.of()))).valuesById(),
      new HashMap<>());

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "java.time.Instant             | 2026-12-01T07:00:00Z                 | java.time.Instant",
      "java.time.Duration            | PT1H30M                              | java.time.Duration",
      "java.time.LocalDate           | 2026-12-01                           | java.time.LocalDate",
      "java.time.LocalTime           | 07:00:01.500                         | java.time.LocalTime",
      "java.time.LocalDateTime       | 2026-12-01T07:00                     | java.time.LocalDateTime",
      "java.time.OffsetDateTime      | 2026-12-01T07:00+01:00               | java.time.OffsetDateTime",
      "java.time.OffsetTime          | 07:00+01:00                          | java.time.OffsetTime",
      "java.time.ZonedDateTime       | 2026-12-01T07:00+01:00[Europe/Paris] | java.time.ZonedDateTime",
      "java.time.ZoneOffset          | +05:30                               | java.time.ZoneOffset",
      "java.time.ZoneRegion          | Europe/Paris                         | java.time.ZoneId",
      "java.time.Period              | P1Y2M3D                              | java.time.Period",
      "java.time.Year                | 2026                                 | java.time.Year",
      "java.time.YearMonth           | 2026-12                              | java.time.YearMonth",
      "java.time.MonthDay            | --12-01                              | java.time.MonthDay",
      "java.time.DayOfWeek           | TUESDAY                              | java.time.DayOfWeek",
      "java.time.Month               | DECEMBER                             | java.time.Month",
      "java.math.BigDecimal          | 12.50                                | java.math.BigDecimal",
      "java.math.BigInteger          | -123456789012345678901234567890      | java.math.BigInteger",
      "java.util.UUID                | 123e4567-e89b-12d3-a456-426614174000 | java.util.UUID",
      "java.util.concurrent.TimeUnit | SECONDS                              | java.util.concurrent.TimeUnit",
      "java.time.temporal.ChronoUnit | DAYS                                 | java.time.temporal.ChronoUnit",
      "java.math.RoundingMode        | HALF_EVEN                            | java.math.RoundingMode",
      "java.lang.Thread$State        | BLOCKED                              | java.lang.Thread$State",
      "java.lang.Integer             | 42                                   | java.lang.Integer",
      "java.lang.Character           | x                                    | java.lang.Character",
      "java.lang.Boolean             | true                                 | java.lang.Boolean"})
  void target_allowListedValueType(String type, String text, String target) {
    TextValue value = new TextValue(type, text);

    assertEquals(target, types.target(value));
    Object parsed = types.parsed(value).orElseThrow();
    assertEquals(text, parsed instanceof Enum<?> constant ? constant.name() : parsed.toString());
  }

  @ParameterizedTest
  @CsvSource({
      "java.io.FileOutputStream", "java.io.PrintWriter", "java.util.logging.FileHandler", "java.util.Formatter",
      "java.io.FileWriter", "java.io.PrintStream", "java.util.Timer", "java.lang.Thread", "java.lang.Class",
      "java.io.File", "java.net.URL", "java.lang.StringBuilder", "java.lang.Runtime", "javax.swing.SortOrder",
      "java.nio.file.StandardOpenOption", "com.acme.Kind"})
  void target_textOfAnyOtherTypeStaysText(String type, @TempDir Path directory) throws Exception {
    TextValue value = new TextValue(type, directory.resolve("victim").toString());

    assertEquals(TypeNames.STRING, types.target(value));
    try (var files = Files.list(directory)) {
      assertEquals(0, files.count(), "files made from " + value);
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "java.time.Instant             | yesterday",
      "java.lang.Boolean             | yes",
      "java.lang.Character           | xy",
      "java.util.concurrent.TimeUnit | FORTNIGHTS"})
  void target_textThatDoesNotParseStaysText(String type, String text) {
    assertEquals(TypeNames.STRING, types.target(new TextValue(type, text)));
  }

  @Test
  void target_hugeNumberStaysText() {
    assertEquals(TypeNames.STRING, types.target(new TextValue("java.math.BigInteger", "9".repeat(1_000_000))));
  }

  @ParameterizedTest
  @CsvSource({
      "java.util.ArrayList, java.util.ArrayList",
      "java.util.TreeSet, java.util.TreeSet",
      "java.util.concurrent.CopyOnWriteArrayList, java.util.concurrent.CopyOnWriteArrayList",
      "java.util.ArrayDeque, java.util.ArrayDeque",
      "java.beans.beancontext.BeanContextSupport, java.util.ArrayList",
      "java.beans.beancontext.BeanContextServicesSupport, java.util.ArrayList",
      "javax.management.AttributeList, java.util.ArrayList",
      "java.util.ImmutableCollections$SetN, java.util.LinkedHashSet",
      "java.util.concurrent.DelayQueue, java.util.LinkedList",
      "com.acme.Bag, java.util.ArrayList"})
  void target_collectionKinds(String type, String target) {
    ArrayValue collection = new ArrayValue(1, type, List.of(StringValue.of("a"), StringValue.of("b")), 2);

    assertEquals(target, types.target(collection));
  }

  @ParameterizedTest
  @CsvSource({
      "java.util.HashMap, java.util.HashMap",
      "java.util.TreeMap, java.util.TreeMap",
      "java.util.concurrent.ConcurrentHashMap, java.util.concurrent.ConcurrentHashMap",
      "java.util.jar.Attributes, java.util.LinkedHashMap",
      "javax.swing.UIDefaults, java.util.LinkedHashMap",
      "javax.script.SimpleBindings, java.util.LinkedHashMap",
      "com.acme.Registry, java.util.LinkedHashMap"})
  void target_mapKinds(String type, String target) {
    MapValue map = new MapValue(1, type, List.of(new MapValue.Entry(StringValue.of("k"), StringValue.of("v"))), 1);

    assertEquals(target, types.target(map));
  }

  @Test
  void target_nullInCollectionThatRejectsNulls() {
    List<Value> withNull = List.of(StringValue.of("a"), NullValue.INSTANCE);

    assertEquals("java.util.LinkedList", types.target(new ArrayValue(1, "java.util.ArrayDeque", withNull, 2)));
    assertEquals("java.util.LinkedHashMap", types.target(new MapValue(2, "java.util.concurrent.ConcurrentHashMap",
        List.of(new MapValue.Entry(StringValue.of("k"), NullValue.INSTANCE)), 1)));
    assertEquals("java.util.ArrayList", types.target(new ArrayValue(3, "java.util.ArrayList", withNull, 2)));
  }
}
