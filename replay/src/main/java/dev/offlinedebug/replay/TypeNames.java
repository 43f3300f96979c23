package dev.offlinedebug.replay;

import java.util.Map;

/**
 * Conversions between the type names a dump holds ({@code "int"}, {@code "com.acme.Order"}, {@code
 * "int[][]"}, also the JVM form {@code "[I"}) and the names bytecode and class loading use.
 */
final class TypeNames {
  static final String OBJECT = "java.lang.Object";
  static final String STRING = "java.lang.String";

  private static final Map<String, String> PRIMITIVE_DESCRIPTORS =
      Map.of(
          "boolean", "Z", "byte", "B", "short", "S", "char", "C",
          "int", "I", "long", "J", "float", "F", "double", "D");
  private static final Map<Character, String> DESCRIPTOR_PRIMITIVES =
      Map.of(
          'Z', "boolean", 'B', "byte", 'S', "short", 'C', "char",
          'I', "int", 'J', "long", 'F', "float", 'D', "double");

  private TypeNames() {}

  /** {@code "[Lcom.acme.Order;"} and {@code "com.acme.Order[]"} both become the latter. */
  static String sourceForm(String name) {
    if (!name.startsWith("[")) {
      return name;
    }
    int dims = 0;
    while (name.charAt(dims) == '[') {
      dims++;
    }
    String element = name.substring(dims);
    String base =
        element.startsWith("L") && element.endsWith(";")
            ? element.substring(1, element.length() - 1)
            : DESCRIPTOR_PRIMITIVES.getOrDefault(element.charAt(0), element);
    return base + "[]".repeat(dims);
  }

  static boolean isArray(String sourceName) {
    return sourceName.endsWith("[]");
  }

  static String componentOf(String sourceArrayName) {
    return sourceArrayName.substring(0, sourceArrayName.length() - 2);
  }

  /** The innermost element type of an array name, or the name itself. */
  static String elementOf(String sourceName) {
    String name = sourceName;
    while (isArray(name)) {
      name = componentOf(name);
    }
    return name;
  }

  /** Field and local variable descriptor of a source-form name. */
  static String descriptor(String sourceName) {
    if (isArray(sourceName)) {
      return "[" + descriptor(componentOf(sourceName));
    }
    String primitive = PRIMITIVE_DESCRIPTORS.get(sourceName);
    return primitive != null ? primitive : "L" + sourceName.replace('.', '/') + ";";
  }

  /** The name {@code checkcast} and owners take: internal name, or descriptor for arrays. */
  static String internalName(String sourceName) {
    return isArray(sourceName) ? descriptor(sourceName) : sourceName.replace('.', '/');
  }

  /** The name {@link Class#forName(String, boolean, ClassLoader)} takes, for non-primitives. */
  static String binaryName(String sourceName) {
    return isArray(sourceName) ? descriptor(sourceName).replace('/', '.') : sourceName;
  }

  /** A class name the JVM accepts: hidden-class names carry {@code '/'}, which it does not. */
  static String legalClassName(String name) {
    return name.replace('/', '$').replace(';', '$').replace('[', '$');
  }

  /** A field or method name the JVM accepts. */
  static String legalMemberName(String name) {
    return name.replace('.', '$').replace(';', '$').replace('[', '$').replace('/', '$')
        .replace('<', '$').replace('>', '$');
  }
}
