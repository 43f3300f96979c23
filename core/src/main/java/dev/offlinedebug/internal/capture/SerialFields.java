package dev.offlinedebug.internal.capture;

import java.io.IOException;
import java.io.ObjectOutput;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The non-transient fields of a serializable JDK object, read the way serialization reads them by
 * default, where the module system keeps them from reflection. Uses {@code
 * sun.reflect.ReflectionFactory.defaultWriteObjectForSerialization} (JDK 24 and later): it reads the
 * fields with the JDK's own access and hands them to {@code ObjectOutputStream.putFields()}, which
 * here only records them. No method of the object runs, no monitor is taken, nothing is written,
 * and no JVM flag or {@code Unsafe} is needed. On older JDKs nothing is read.
 */
final class SerialFields {
  private SerialFields() {}

  /** The factory's {@code defaultWriteObjectForSerialization}, or null before JDK 24. */
  private static final MethodHandleSource SOURCE = MethodHandleSource.find();

  private static final ClassValue<List<MethodHandle>> WRITERS =
      new ClassValue<>() {
        @Override
        protected List<MethodHandle> computeValue(Class<?> type) {
          List<MethodHandle> writers = new ArrayList<>();
          for (Class<?> c = type; c != null && Serializable.class.isAssignableFrom(c); c = c.getSuperclass()) {
            MethodHandle writer = SOURCE.writer(c);
            if (writer != null) {
              writers.add(0, writer);
            }
          }
          return List.copyOf(writers);
        }
      };

  /**
   * The non-transient fields of {@code value} by name, superclass fields first (a subclass's
   * field replaces a superclass's of the same name), or {@code null} when none can be read.
   */
  static Map<String, Object> of(Object value) {
    if (SOURCE == null || !(value instanceof Serializable)) {
      return null;
    }
    try {
      List<MethodHandle> writers = WRITERS.get(value.getClass());
      if (writers.isEmpty()) {
        return null;
      }
      Recorder recorder = new Recorder();
      for (MethodHandle writer : writers) {
        writer.invoke(value, (ObjectOutputStream) recorder);
      }
      return recorder.fields.isEmpty() ? null : recorder.fields;
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      // invoke() declares Throwable; whatever the JDK's reader throws, the value is unavailable
      return null;
    }
  }

  /** Looks the factory method up by reflection: it is not in the Java 17 API this is built for. */
  private record MethodHandleSource(Object factory, Method method) {
    static MethodHandleSource find() {
      try {
        Class<?> type = Class.forName("sun.reflect.ReflectionFactory");
        Object factory = type.getMethod("getReflectionFactory").invoke(null);
        return new MethodHandleSource(factory, type.getMethod("defaultWriteObjectForSerialization", Class.class));
      } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
        return null;
      }
    }

    MethodHandle writer(Class<?> c) {
      try {
        return (MethodHandle) method.invoke(factory, c);
      } catch (ReflectiveOperationException | RuntimeException e) {
        return null;
      }
    }
  }

  /** An {@code ObjectOutputStream} that writes nothing and keeps the fields it is handed. */
  private static final class Recorder extends ObjectOutputStream {
    final Map<String, Object> fields = new LinkedHashMap<>();

    Recorder() throws IOException {
      super();
    }

    @Override
    public PutField putFields() {
      return new Fields();
    }

    @Override
    public void writeFields() {
      // nothing is written: the fields were recorded as they were put
    }

    private final class Fields extends PutField {
      @Override
      public void put(String name, boolean val) {
        fields.put(name, val);
      }

      @Override
      public void put(String name, byte val) {
        fields.put(name, val);
      }

      @Override
      public void put(String name, char val) {
        fields.put(name, val);
      }

      @Override
      public void put(String name, short val) {
        fields.put(name, val);
      }

      @Override
      public void put(String name, int val) {
        fields.put(name, val);
      }

      @Override
      public void put(String name, long val) {
        fields.put(name, val);
      }

      @Override
      public void put(String name, float val) {
        fields.put(name, val);
      }

      @Override
      public void put(String name, double val) {
        fields.put(name, val);
      }

      @Override
      public void put(String name, Object val) {
        fields.put(name, val);
      }

      @Override
      @Deprecated
      @SuppressWarnings("removal")
      public void write(ObjectOutput out) {
        // never called: writeFields() above writes nothing
      }
    }
  }
}
