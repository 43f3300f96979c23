package dev.offlinedebug.internal.render;

import dev.offlinedebug.model.FrameInfo;

/**
 * A frame as a live {@code printStackTrace} prints it. {@code StackTraceElement.toString()} of a
 * rebuilt element would show {@code app//} and JDK module versions, which the JVM drops for elements
 * of built-in class loaders and JDK modules; this drops them the same way.
 */
final class FrameText {
  private FrameText() {}

  /** {@code [loader//][module[@version]/]class.method(file:line)}, unescaped. */
  static String of(FrameInfo frame) {
    StringBuilder text = new StringBuilder(96);
    String loader = frame.classLoaderName();
    String module = frame.moduleName();
    if (loader != null && !loader.isEmpty() && !loader.equals("app") && !loader.equals("platform")) {
      text.append(loader).append('/');
    }
    if (module != null && !module.isEmpty()) {
      text.append(module);
      boolean jdkModule = module.startsWith("java.") || module.startsWith("jdk.");
      if (frame.moduleVersion() != null && !frame.moduleVersion().isEmpty() && !jdkModule) {
        text.append('@').append(frame.moduleVersion());
      }
    }
    if (text.length() > 0) {
      text.append('/');
    }
    text.append(frame.className()).append('.').append(frame.methodName()).append('(');
    if (frame.line() == -2) {
      text.append("Native Method");
    } else if (frame.fileName() == null) {
      text.append("Unknown Source");
    } else {
      text.append(frame.fileName());
      if (frame.line() >= 0) {
        text.append(':').append(frame.line());
      }
    }
    return text.append(')').toString();
  }
}
