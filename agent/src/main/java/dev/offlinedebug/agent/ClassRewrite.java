package dev.offlinedebug.agent;

import org.objectweb.asm.Handle;

/**
 * One class file being instrumented: the constant-pool indices the added code names, and the class
 * file once every method is done. {@link ClassFileSplice} is the one the agent uses; a test puts
 * ASM's {@code ClassWriter} behind it as the oracle of its indices.
 */
interface ClassRewrite {
  int newClass(String internalName);

  int newUtf8(String value);

  int newInvokeDynamic(String name, String descriptor, Handle bootstrap, Object... arguments);

  /**
   * @param codes by method position in the class file, the new content of the method's {@code
   *     Code} attribute; null for a method left alone
   */
  byte[] toByteArray(byte[][] codes);
}
