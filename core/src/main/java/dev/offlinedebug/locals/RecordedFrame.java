package dev.offlinedebug.locals;

import java.util.Arrays;
import java.util.List;

/**
 * The locals of one frame, recorded by agent-instrumented code as a throwable unwound through it.
 * Holds the live values: the capture turns them into a bounded, redacted snapshot.
 *
 * <p>Loaded by the bootstrap class loader when the agent is active, so it must refer to {@code
 * java.*} types only.
 *
 * @param className binary class name with dots
 * @param methodName the method's name
 * @param line the line of the instruction that threw or called the callee that threw; {@code -1}
 *     when not known
 * @param names local variable names, slot order ({@code "this"} first for instance methods)
 * @param types declared type names, same order
 * @param values the live values, boxed, same order
 */
public record RecordedFrame(
    String className, String methodName, int line, String[] names, String[] types, Object[] values) {

  boolean sameMethod(RecordedFrame other) {
    return sameMethod(other.className, other.methodName);
  }

  boolean sameMethod(String otherClass, String otherMethod) {
    return className.equals(otherClass) && methodName.equals(otherMethod);
  }

  /**
   * This frame plus the locals of a later record of the same activation that this one lacks (by
   * name): a value is kept as it was when the throwable first arrived.
   */
  RecordedFrame withMissingLocalsOf(RecordedFrame later) {
    List<String> known = Arrays.asList(names);
    int added = 0;
    String[] allNames = Arrays.copyOf(names, names.length + later.names.length);
    String[] allTypes = Arrays.copyOf(types, allNames.length);
    Object[] allValues = Arrays.copyOf(values, allNames.length);
    for (int i = 0; i < later.names.length; i++) {
      if (!known.contains(later.names[i])) {
        int at = names.length + added++;
        allNames[at] = later.names[i];
        allTypes[at] = later.types[i];
        allValues[at] = later.values[i];
      }
    }
    int size = names.length + added;
    return added == 0 ? this : new RecordedFrame(className, methodName, line,
        Arrays.copyOf(allNames, size), Arrays.copyOf(allTypes, size),
        Arrays.copyOf(allValues, size));
  }
}
