package dev.offlinedebug.internal.capture;

import dev.offlinedebug.model.Value;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The extra state of an exception object beyond message, trace, cause and suppressed: the fields
 * its application classes declare (read reflectively), the public fields of its JDK classes, and,
 * for well-known JDK exceptions whose state sits in private fields of a closed module, the values
 * of their public getters. A getter is only called when the runtime class does not override it.
 */
final class ExceptionState {
  private ExceptionState() {}

  /** JDK exception class to the public getters that expose its private state. */
  private static final Map<String, List<String>> GETTERS =
      Map.ofEntries(
          Map.entry("java.sql.SQLException", List.of("getSQLState", "getErrorCode")),
          Map.entry("java.sql.BatchUpdateException", List.of("getLargeUpdateCounts")),
          Map.entry("java.nio.file.FileSystemException", List.of("getFile", "getOtherFile", "getReason")),
          Map.entry("java.net.URISyntaxException", List.of("getInput", "getReason", "getIndex")),
          Map.entry("java.util.regex.PatternSyntaxException", List.of("getDescription", "getIndex", "getPattern")),
          Map.entry("java.time.format.DateTimeParseException", List.of("getParsedString", "getErrorIndex")),
          Map.entry("java.util.MissingResourceException", List.of("getClassName", "getKey")),
          Map.entry("java.nio.charset.MalformedInputException", List.of("getInputLength")),
          Map.entry("java.nio.charset.UnmappableCharacterException", List.of("getInputLength")),
          Map.entry("java.net.HttpRetryException", List.of("responseCode", "getReason", "getLocation")),
          Map.entry("java.util.UnknownFormatConversionException", List.of("getConversion")),
          Map.entry("java.lang.EnumConstantNotPresentException", List.of("enumType", "constantName")),
          Map.entry("java.lang.TypeNotPresentException", List.of("typeName")));

  /** The extra state of {@code thrown}, by field (or getter property) name; never throws. */
  static Map<String, Value> of(Throwable thrown, ValueCapture values) {
    Map<String, Value> state = new LinkedHashMap<>();
    Class<?> type = thrown.getClass();
    try {
      for (ObjectFields.Slot slot : ObjectFields.of(type)) {
        // With --add-opens java.base/java.lang Throwable's own fields become readable: the graph
        // already holds them.
        if (slot.field() == null || slot.field().getDeclaringClass() != Throwable.class) {
          state.put(slot.name(), values.field(thrown, slot, 0));
        }
      }
      for (Class<?> c = type; c != null && c != Throwable.class; c = c.getSuperclass()) {
        for (String getter : GETTERS.getOrDefault(c.getName(), List.of())) {
          addGetter(thrown, type, getter, state, values);
        }
      }
    } catch (RuntimeException | LinkageError e) {
      // keep what was read
    }
    return state;
  }

  private static void addGetter(
      Throwable thrown, Class<?> type, String getter, Map<String, Value> state, ValueCapture values) {
    try {
      Method method = type.getMethod(getter);
      if (!JdkClasses.isJdk(method.getDeclaringClass())) {
        return;
      }
      String property = property(getter);
      if (!state.containsKey(property)) {
        Object result = method.invoke(thrown);
        state.put(property, values.named(property, result, method.getReturnType().getTypeName(), 0));
      }
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      // a getter that fails leaves its property out
    }
  }

  /** {@code getSQLState} → {@code SQLState}, {@code getErrorCode} → {@code errorCode}. */
  static String property(String getter) {
    if (!getter.startsWith("get") || getter.length() == 3) {
      return getter;
    }
    String rest = getter.substring(3);
    if (rest.length() > 1 && Character.isUpperCase(rest.charAt(1))) {
      return rest;
    }
    return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
  }
}
