package dev.offlinedebug.replay;

import dev.offlinedebug.model.ThrowableGraph;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.replay.FrameModel.Kind;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Throws a rebuilt throwable through generated frames that carry the original class, method, source
 * file and line names and hold the captured locals. {@link dev.offlinedebug.OfflineDebug#replay}
 * is the public entry point; this class needs ASM on the class path.
 *
 * <p>What a debugger sees, frame by frame: the original declaring class, method, source file name
 * and line; the captured locals under their original names, declared with their original types
 * where those are JDK types or generated classes the values fit (else with the value's class, else
 * {@code Object}); {@code this} as an object of a generated class with the original field names.
 * Values keep their JDK class only when it is a pure value type, collection or map replay builds
 * (see the package documentation); others show as their captured text or a generated stand-in.
 * Frames of JDK classes are left out, the frame that called into the JDK throws at its own line.
 * Constructors are constructors of the generated class; a static initialiser appears as a static
 * method {@code $clinit$}. No replay frame catches the exception, so it reaches the debugger as
 * uncaught when the caller does not catch it either.
 *
 * @since 0.1
 */
public final class Replayer {
  private Replayer() {}

  /**
   * Throws {@code rebuilt}'s {@code cause}-th cause through generated frames replaying the stack of
   * {@code exception}'s {@code cause}-th cause.
   *
   * @param exception the dump's exception graph, whose frames and locals are replayed
   * @param cause {@code 0} for the logged throwable, {@code n} for its n-th cause
   * @param rebuilt the throwable {@code exception} was rebuilt into ({@code Dump.rebuild()}); the
   *     thrown throwable keeps its own stack trace, so printing it prints the original
   * @throws IllegalArgumentException when the cause chain is shorter than {@code cause}, without
   *     throwing through generated frames
   * @throws IllegalStateException when the frames cannot be generated (a class or value of the dump
   *     the JVM does not accept), naming the reason
   * @throws Throwable always: the rebuilt throwable, thrown from the innermost replayed frame
   */
  public static void replay(ThrowableGraph exception, int cause, Throwable rebuilt) throws Throwable {
    ThrowableInfo info = nthCause(exception, cause);
    Throwable thrown = nthCause(rebuilt, cause);
    ReplayPlan plan = ReplayPlan.of(exception, info);
    if (plan.frames.isEmpty()) {
      throw thrown;
    }
    MethodHandle outermost;
    Object[] arguments;
    try {
      ReplayClassLoader loader = define(plan);
      Map<FrameModel, Object> receivers = fillValues(plan, loader, thrown, rebuiltByIndex(exception, rebuilt));
      FrameModel first = plan.frames.get(0);
      outermost = entry(first, loader);
      arguments = entryArguments(first, receivers);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      throw new IllegalStateException("offline-debug cannot generate the frames replaying " + info.type() + ": " + e, e);
    }
    // Nothing between here and the throwing frame catches: a debugger sees the throwable uncaught.
    outermost.invokeWithArguments(arguments);
  }

  /** Fills each frame class's values array; returns the receivers of instance and constructor frames. */
  private static Map<FrameModel, Object> fillValues(ReplayPlan plan, ReplayClassLoader loader, Throwable thrown,
      Throwable[] rebuilt) throws ReflectiveOperationException {
    ValueMaterializer values = new ValueMaterializer(plan, loader, rebuilt);
    Map<FrameModel, Object> receivers = receivers(plan, values);
    for (ClassModel c : plan.classes.values()) {
      if (!c.methods.isEmpty()) {
        Object[] array = fill(c, values, receivers, thrown);
        loader.classOf(c.name).getField(ClassModel.VALUES_FIELD).set(null, array);
      }
    }
    return receivers;
  }

  /**
   * The rebuilt throwable of each index of {@code exception}, found by following causes and
   * suppressed throwables from {@code root} as the graph does; {@code null} where the rebuilt ones
   * differ (a constructor that fixed another cause, a suppressed throwable the rebuild dropped) or
   * a crafted graph names a throwable before any that refers to it.
   */
  static Throwable[] rebuiltByIndex(ThrowableGraph exception, Throwable root) {
    Throwable[] rebuilt = new Throwable[exception.throwables().size()];
    rebuilt[0] = root;
    // Each throwable is first referred to by one of a lower index: the capture numbers them breadth first.
    for (int i = 0; i < rebuilt.length; i++) {
      Throwable t = rebuilt[i];
      if (t == null) {
        continue;
      }
      ThrowableInfo info = exception.get(i);
      if (info.cause() != ThrowableInfo.NO_CAUSE && rebuilt[info.cause()] == null) {
        rebuilt[info.cause()] = t.getCause();
      }
      Throwable[] suppressed = t.getSuppressed();
      if (suppressed.length == info.suppressed().size()) {
        for (int s = 0; s < suppressed.length; s++) {
          int index = info.suppressed().get(s);
          if (rebuilt[index] == null) {
            rebuilt[index] = suppressed[s];
          }
        }
      }
    }
    return rebuilt;
  }

  /** The class name of the throwable {@link #replay} throws for {@code cause}. */
  public static String thrownType(Throwable rebuilt, int cause) {
    return nthCause(rebuilt, cause).getClass().getName();
  }

  private static ThrowableInfo nthCause(ThrowableGraph exception, int cause) {
    return exception.nthCause(cause).orElseThrow(() -> new IllegalArgumentException(
        "the dump's exception has no cause " + cause + "; expected 0.." + causeCount(exception)));
  }

  /** The length of the cause chain; a cyclic chain counts each throwable once. */
  private static int causeCount(ThrowableGraph exception) {
    int n = 0;
    while (n < exception.throwables().size() - 1 && exception.nthCause(n + 1).isPresent()) {
      n++;
    }
    return n;
  }

  private static Throwable nthCause(Throwable rebuilt, int cause) {
    Throwable t = rebuilt;
    for (int i = 0; i < cause; i++) {
      if (t.getCause() == null) {
        throw new IllegalArgumentException("the rebuilt throwable has no cause " + cause);
      }
      t = t.getCause();
    }
    return t;
  }

  static ReplayClassLoader define(ReplayPlan plan) {
    FrameClassWriter writer = new FrameClassWriter(plan);
    Map<String, byte[]> bytes = new HashMap<>();
    for (ClassModel c : plan.classes.values()) {
      bytes.put(c.name, writer.write(c));
    }
    return new ReplayClassLoader(bytes);
  }

  /** The object each instance or constructor frame runs on (a template for constructors). */
  private static Map<FrameModel, Object> receivers(ReplayPlan plan, ValueMaterializer values)
      throws ReflectiveOperationException {
    Map<FrameModel, Object> receivers = new HashMap<>();
    for (FrameModel f : plan.frames) {
      if (f.kind != Kind.STATIC) {
        Object receiver =
            f.receiver != null ? values.materialize(f.receiver) : values.blankInstance(f.owner.name);
        receivers.put(f, receiver);
      }
    }
    return receivers;
  }

  private static Object[] fill(
      ClassModel c, ValueMaterializer values, Map<FrameModel, Object> receivers, Throwable thrown)
      throws ReflectiveOperationException {
    Object[] array = new Object[c.valueCount];
    for (List<FrameModel> frames : c.methods.values()) {
      for (FrameModel f : frames) {
        for (int i = 0; i < f.locals.size(); i++) {
          array[f.valueBase + i] = values.materialize(f.locals.get(i).value());
        }
        array[f.valueBase + f.locals.size()] = f.next == null ? thrown : receivers.get(f.next);
      }
    }
    return array;
  }

  private static MethodHandle entry(FrameModel frame, ReplayClassLoader loader)
      throws ReflectiveOperationException {
    Class<?> owner = loader.classOf(frame.owner.name);
    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
    return switch (frame.kind) {
      case STATIC -> lookup.findStatic(owner, frame.methodName, MethodType.methodType(void.class, int.class));
      case INSTANCE -> lookup.findVirtual(
          owner, frame.methodName, MethodType.methodType(void.class, int.class, owner));
      case CONSTRUCTOR -> lookup.findConstructor(owner, MethodType.methodType(void.class, int.class, owner));
    };
  }

  private static Object[] entryArguments(FrameModel frame, Map<FrameModel, Object> receivers) {
    return switch (frame.kind) {
      case STATIC -> new Object[] {frame.index};
      case INSTANCE -> new Object[] {receivers.get(frame), frame.index, null};
      case CONSTRUCTOR -> new Object[] {frame.index, receivers.get(frame)};
    };
  }
}
