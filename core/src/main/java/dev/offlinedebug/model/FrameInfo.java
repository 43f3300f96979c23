package dev.offlinedebug.model;

import java.util.List;
import java.util.Objects;

/**
 * One stack frame of a captured throwable: the {@link StackTraceElement} data plus the frame's
 * local variables when the agent captured them.
 *
 * @param className never null
 * @param methodName never null
 * @param fileName the source file name, or {@code null} when unknown
 * @param line the line number; negative when unknown ({@code -2} for native methods)
 * @param moduleName or {@code null}
 * @param moduleVersion or {@code null}
 * @param classLoaderName or {@code null}
 * @param localsCaptured whether the agent recorded this frame's locals (an empty {@code locals}
 *     list then means the frame had none in scope)
 * @param locals the local variables in slot order; empty when not captured; never null
 * @since 0.1
 */
public record FrameInfo(
    String className,
    String methodName,
    String fileName,
    int line,
    String moduleName,
    String moduleVersion,
    String classLoaderName,
    boolean localsCaptured,
    List<LocalVariable> locals) {

  public FrameInfo {
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(methodName, "methodName");
    locals = List.copyOf(locals);
  }

  /** The frame of {@code element}, with no locals. */
  public static FrameInfo of(StackTraceElement element) {
    return new FrameInfo(
        element.getClassName(),
        element.getMethodName(),
        element.getFileName(),
        element.getLineNumber(),
        element.getModuleName(),
        element.getModuleVersion(),
        element.getClassLoaderName(),
        false,
        List.of());
  }

  /** This frame with the given captured locals. */
  public FrameInfo withLocals(List<LocalVariable> capturedLocals) {
    return new FrameInfo(
        className, methodName, fileName, line, moduleName, moduleVersion, classLoaderName, true,
        capturedLocals);
  }

  /** The equivalent {@link StackTraceElement}; prints exactly as the original did. */
  public StackTraceElement toStackTraceElement() {
    return new StackTraceElement(
        classLoaderName, moduleName, moduleVersion, className, methodName, fileName, line);
  }

  /**
   * Equal components, as for any record; written out because the encoder compares a cause's frames
   * with its enclosing trace's on every dump, and the generated equals compared them through a chain
   * of method handles that cost a sixth of a dump's encoding. Cheapest and likeliest to differ first.
   */
  @Override
  public boolean equals(Object other) {
    return this == other
        || other instanceof FrameInfo f
            && line == f.line
            && localsCaptured == f.localsCaptured
            && methodName.equals(f.methodName)
            && className.equals(f.className)
            && Objects.equals(fileName, f.fileName)
            && Objects.equals(moduleName, f.moduleName)
            && Objects.equals(moduleVersion, f.moduleVersion)
            && Objects.equals(classLoaderName, f.classLoaderName)
            && locals.equals(f.locals);
  }

  @Override
  public int hashCode() {
    return Objects.hash(className, methodName, fileName, line, moduleName, moduleVersion, classLoaderName,
        localsCaptured, locals);
  }
}
