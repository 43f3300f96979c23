package dev.offlinedebug.internal.capture;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The instance fields of a class as the capture reads them: superclass fields first, each either
 * readable without running code of the class, or known to be unreadable (module encapsulation).
 * Computed once per class.
 */
final class ObjectFields {
  private ObjectFields() {}

  /**
   * One instance field.
   *
   * @param name the field name, or {@code Declaring.name} when a subclass field shadows it
   * @param field readable field, or {@code null} when the module system denies access
   * @param typeName the declared type's name
   * @param opened the agent's getter of a JDK field closed to reflection ({@link
   *     OpenedJdkFields}), else {@code null}
   */
  record Slot(String name, Field field, String typeName, MethodHandle opened) {
    /** The field's value in {@code owner}; throws when the field cannot be read. */
    Object get(Object owner) throws ReflectiveOperationException {
      if (opened == null) {
        return field.get(owner);
      }
      try {
        return opened.invoke(owner);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalAccessException(e.toString());
      }
    }
  }

  private static final ClassValue<List<Slot>> SLOTS =
      new ClassValue<>() {
        @Override
        protected List<Slot> computeValue(Class<?> type) {
          return List.copyOf(slotsOf(type));
        }
      };

  /**
   * The fields of {@code type} and its superclasses. Fields declared by JDK classes are included
   * only when readable: a JDK superclass's private state is no more reachable than the JDK object's.
   */
  static List<Slot> of(Class<?> type) {
    return SLOTS.get(type);
  }

  private static List<Slot> slotsOf(Class<?> type) {
    List<Class<?>> chain = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      chain.add(0, c);
    }
    List<Slot> slots = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Class<?> c : chain) {
      Field[] declared;
      try {
        declared = c.getDeclaredFields();
      } catch (LinkageError | SecurityException e) {
        continue;
      }
      boolean jdk = JdkClasses.isJdk(c);
      for (Field f : declared) {
        if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) {
          continue;
        }
        boolean readable = readable(f);
        MethodHandle opened = jdk && !readable ? OpenedJdkFields.getter(f) : null;
        if (jdk && !readable && opened == null) {
          continue;
        }
        String name = names.add(f.getName()) ? f.getName() : c.getSimpleName() + "." + f.getName();
        slots.add(new Slot(name, readable || opened != null ? f : null, f.getType().getTypeName(), opened));
      }
    }
    return slots;
  }

  /**
   * The readable instance field {@code name} of {@code type} or its superclasses (the subclass's
   * when shadowed), or {@code null}.
   */
  static Slot named(Class<?> type, String name) {
    Slot found = null;
    // Superclass fields come first, a shadowing subclass field later under "Declaring.name".
    for (Slot slot : of(type)) {
      if ((slot.name().equals(name) || slot.name().endsWith("." + name)) && slot.field() != null) {
        found = slot;
      }
    }
    return found;
  }

  /** The value of the readable instance field {@code name} of {@code owner}; throws when there is none. */
  static Object read(Object owner, String name) throws ReflectiveOperationException {
    Slot slot = owner == null ? null : named(owner.getClass(), name);
    if (slot == null) {
      throw new NoSuchFieldException(name);
    }
    return slot.get(owner);
  }

  private static boolean readable(Field f) {
    try {
      return f.trySetAccessible();
    } catch (SecurityException e) {
      return false;
    }
  }

  /** Whether a class has instance fields none of which can be read. */
  static boolean allUnreadable(Class<?> type) {
    try {
      for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          if (!Modifier.isStatic(f.getModifiers())) {
            return of(type).isEmpty();
          }
        }
      }
    } catch (LinkageError | SecurityException e) {
      return true;
    }
    return false;
  }
}
