package dev.offlinedebug.internal.capture;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;

/**
 * Getters for JDK fields the module system closes to the capture, from the agent's {@code
 * dev.offlinedebug.locals.JdkFieldGetters} on the boot class path: with the agent, {@code java.util}
 * and {@code java.util.concurrent} are opened to that class only, which hands out read-only
 * getters. Without the agent there is none, and such fields stay closed.
 */
final class OpenedJdkFields {
  private OpenedJdkFields() {}

  private static final String GETTERS = "dev.offlinedebug.locals.JdkFieldGetters";

  /** {@code JdkFieldGetters.getter(Field)}, or null without the agent. */
  private static final MethodHandle SOURCE = find();

  private static MethodHandle find() {
    try {
      // The boot loader only: a class of that name elsewhere is not the agent's.
      Class<?> getters = Class.forName(GETTERS, true, null);
      return MethodHandles.publicLookup().findStatic(getters, "getter",
          MethodType.methodType(MethodHandle.class, Field.class));
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return null;
    }
  }

  /** A getter taking the owner and returning the value of {@code field}, or null. */
  static MethodHandle getter(Field field) {
    if (SOURCE == null) {
      return null;
    }
    try {
      return (MethodHandle) SOURCE.invokeExact(field);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      // invokeExact declares Throwable; the agent's getter returns null rather than throw
      return null;
    }
  }
}
