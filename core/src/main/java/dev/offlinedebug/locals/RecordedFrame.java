package dev.offlinedebug.locals;

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
    String className, String methodName, int line, String[] names, String[] types, Object[] values) {}
