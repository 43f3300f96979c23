package dev.offlinedebug.agent;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Handle;

/**
 * The instrumented class file, written without ASM's {@code ClassWriter}: the original bytes with
 * the constants the added code names appended to the constant pool, the changed methods' {@code
 * Code} attributes replaced, and the new bootstrap methods appended to the {@code
 * BootstrapMethods} attribute (added when there is none). A {@code ClassWriter} sharing the
 * reader's pool decoded every constant, every Utf8 into a String, to find existing ones; this
 * compares raw bytes, and only of the entries a lookup can match.
 *
 * <p>Every index is the one ASM's {@code SymbolTable} (9.8) would give: an equal constant or
 * bootstrap method of the class is reused, else a new one is appended, its parts before it, in
 * ASM's order. Where the pool holds equal entries, the SymbolTable finds the last of them, and the
 * first after each growth of its hash table (a rehash reverses its chains): the table's entries
 * and capacity are counted to know which.
 */
final class ClassFileSplice implements ClassRewrite {
  private static final int UTF8 = 1;
  private static final int LONG = 5;
  private static final int DOUBLE = 6;
  private static final int CLASS = 7;
  private static final int STRING = 8;
  private static final int FIELDREF = 9;
  private static final int METHODREF = 10;
  private static final int INTERFACE_METHODREF = 11;
  private static final int NAME_AND_TYPE = 12;
  private static final int METHOD_HANDLE = 15;
  private static final int METHOD_TYPE = 16;
  private static final int DYNAMIC = 17;
  private static final int INVOKE_DYNAMIC = 18;
  private static final int MODULE = 19;
  private static final int PACKAGE = 20;
  private static final byte[] BOOTSTRAP_METHODS = utf8Bytes("BootstrapMethods");
  private static final int[] NONE = {};

  private final ClassReader reader;
  private final byte[] b;
  private final int[] codeAttributes;
  /** The class's constant_pool_count, and the count with the appended entries. */
  private final int ownCount;
  private int count;
  private final Bytes appended = new Bytes(256);

  /**
   * By value, the indices of the entries equal to it: of the class's own, or the one appended (an
   * entry is appended only when the class has none equal). Sized for a class of a few instrumented
   * methods: their growth showed in profiles.
   */
  private final Map<String, int[]> utf8s = new HashMap<>(256);
  private final Map<String, int[]> classes = new HashMap<>();
  private final Map<String, int[]> strings = new HashMap<>(128);
  private final Map<Parts, int[]> namesAndTypes = new HashMap<>(64);
  private final Map<Parts, int[]> invokeDynamics = new HashMap<>(64);
  private final Map<Parts, int[]> bootstrapMethodsFound = new HashMap<>(64);
  /** The method handle of the bootstrap method last named, and its entries. */
  private Handle handle;
  private int[] handles;

  /** The SymbolTable's hash table, as far as its chains' order goes. */
  private int tableEntries;
  private int tableCapacity;
  private boolean findsLast = true;

  /**
   * Chains of the class's own entries, built at the first lookup: Utf8 entries by length and first
   * and last byte, the others by the entry their lookup starts from (a Class by its name, a
   * NameAndType by its name, a member reference or (invoke)dynamic by its NameAndType, a method
   * handle by its member). {@code next} links both; 0 ends a chain.
   */
  private int[] utf8Heads;
  private int[] referrerHeads;
  private int[] next;

  /** Offset of the class's attributes_count, and of its BootstrapMethods attribute (-1: none). */
  private int attributes;
  private int bootstrapAttribute;
  /** How many bootstrap methods of the class the SymbolTable knows: none without dynamic entries. */
  private int ownBootstrapMethods;
  private final Bytes bootstrapMethods = new Bytes();
  private int addedBootstrapMethods;

  /** @param codeAttributes as {@link CodeSizes#codeAttributes} gives them */
  ClassFileSplice(ClassReader reader, int[] codeAttributes) {
    this.reader = reader;
    this.b = reader.b;
    this.codeAttributes = codeAttributes;
    this.ownCount = reader.getItemCount();
    this.count = ownCount;
  }

  @Override
  public int newUtf8(String value) {
    int[] equal = ownUtf8s(value);
    if (equal.length == 0) {
      byte[] bytes = utf8Bytes(value);
      appended.put1(UTF8).put2(bytes.length).put(bytes, 0, bytes.length);
      equal = appendEntry();
      utf8s.put(value, equal);
    }
    return pick(equal);
  }

  @Override
  public int newClass(String internalName) {
    return utf8Reference(classes, CLASS, internalName);
  }

  @Override
  public int newInvokeDynamic(String name, String descriptor, Handle bootstrap,
      Object... arguments) {
    int bootstrapMethod = bootstrapMethod(bootstrap, arguments);
    Parts key = new Parts(name, descriptor, new int[] {bootstrapMethod});
    int[] equal = invokeDynamics.get(key);
    if (equal == null) {
      equal = referrers(INVOKE_DYNAMIC, ownNamesAndTypes(name, descriptor), 0, key.indices);
      invokeDynamics.put(key, equal);
    }
    if (equal.length == 0) {
      int nameAndType = nameAndType(name, descriptor);
      appended.put1(INVOKE_DYNAMIC).put2(bootstrapMethod).put2(nameAndType);
      equal = appendEntry();
      invokeDynamics.put(key, equal);
    }
    return pick(equal);
  }

  @Override
  public byte[] toByteArray(byte[][] codes) {
    if (next == null) {
      index();
    }
    int bootstrapName = 0;
    int oldBootstrapLength = 0;
    if (addedBootstrapMethods > 0) {
      if (bootstrapAttribute < 0) {
        bootstrapName = newUtf8("BootstrapMethods");
      } else {
        oldBootstrapLength = 6 + reader.readInt(bootstrapAttribute + 2);
      }
    }
    int size = b.length + appended.length;
    for (int method = 0; method < codes.length; method++) {
      if (codes[method] != null) {
        size += codes[method].length - reader.readInt(codeAttributes[method] - 4);
      }
    }
    int ownBootstrapBytes = bootstrapAttribute < 0 || ownBootstrapMethods == 0 ? 0
        : reader.readInt(bootstrapAttribute + 2) - 2;
    if (addedBootstrapMethods > 0) {
      size += 8 + ownBootstrapBytes + bootstrapMethods.length - oldBootstrapLength;
    }
    Bytes out = new Bytes(size);
    out.put(b, 0, 8).put2(count).put(b, 10, reader.header - 10).put(appended);
    int copied = reader.header;
    for (int method = 0; method < codes.length; method++) {
      byte[] code = codes[method];
      if (code != null) {
        int content = codeAttributes[method];
        // up to the attribute's name, which stays
        out.put(b, copied, content - 4 - copied).put4(code.length).put(code, 0, code.length);
        copied = content + reader.readInt(content - 4);
      }
    }
    if (addedBootstrapMethods > 0) {
      if (bootstrapAttribute < 0) {
        out.put(b, copied, attributes - copied).put2(reader.readUnsignedShort(attributes) + 1);
        copied = attributes + 2;
      } else {
        out.put(b, copied, bootstrapAttribute + 2 - copied)
            .put4(2 + ownBootstrapBytes + bootstrapMethods.length)
            .put2(ownBootstrapMethods + addedBootstrapMethods)
            .put(b, bootstrapAttribute + 8, ownBootstrapBytes).put(bootstrapMethods);
        copied = bootstrapAttribute + oldBootstrapLength;
      }
    }
    out.put(b, copied, b.length - copied);
    if (bootstrapName != 0) {
      out.put2(bootstrapName).put4(2 + bootstrapMethods.length).put2(addedBootstrapMethods)
          .put(bootstrapMethods);
    }
    return out.toArray();
  }

  /** A Class or String constant. */
  private int utf8Reference(Map<String, int[]> byValue, int tag, String value) {
    int[] equal = byValue.get(value);
    if (equal == null) {
      equal = referrers(tag, ownUtf8s(value), -1, null);
      byValue.put(value, equal);
    }
    if (equal.length == 0) {
      int name = newUtf8(value);
      appended.put1(tag).put2(name);
      equal = appendEntry();
      byValue.put(value, equal);
    }
    return pick(equal);
  }

  private int nameAndType(String name, String descriptor) {
    int[] equal = ownNamesAndTypes(name, descriptor);
    if (equal.length == 0) {
      int nameIndex = newUtf8(name);
      int descriptorIndex = newUtf8(descriptor);
      appended.put1(NAME_AND_TYPE).put2(nameIndex).put2(descriptorIndex);
      equal = appendEntry();
      namesAndTypes.put(new Parts(name, descriptor, null), equal);
    }
    return pick(equal);
  }

  private int[] ownNamesAndTypes(String name, String descriptor) {
    Parts key = new Parts(name, descriptor, null);
    int[] equal = namesAndTypes.get(key);
    if (equal == null) {
      equal = referrers(NAME_AND_TYPE, ownUtf8s(name), 2, ownUtf8s(descriptor));
      namesAndTypes.put(key, equal);
    }
    return equal;
  }

  /** A method handle of a class's method, as the agent's bootstrap method is. */
  private int methodHandle(Handle bootstrap) {
    if (bootstrap != handle) {
      if (bootstrap.isInterface() || bootstrap.getTag() < 5 || bootstrap.getTag() > 8) {
        throw new IllegalArgumentException("not a class's method: " + bootstrap);
      }
      int[] owners = referrers(CLASS, ownUtf8s(bootstrap.getOwner()), -1, null);
      int[] methods = referrers(METHODREF,
          ownNamesAndTypes(bootstrap.getName(), bootstrap.getDesc()), 0, owners);
      int[] equal = referrers(METHOD_HANDLE, methods, -1, null);
      int kept = 0;
      for (int index : equal) {
        if (b[reader.getItem(index)] == bootstrap.getTag()) {
          equal[kept++] = index;
        }
      }
      equal = Arrays.copyOf(equal, kept);
      if (equal.length == 0) {
        int method = methods.length > 0 ? pick(methods) : method(bootstrap);
        appended.put1(METHOD_HANDLE).put1(bootstrap.getTag()).put2(method);
        equal = appendEntry();
      }
      handle = bootstrap;
      handles = equal;
    }
    return pick(handles);
  }

  private int method(Handle method) {
    int owner = newClass(method.getOwner());
    int nameAndType = nameAndType(method.getName(), method.getDesc());
    appended.put1(METHODREF).put2(owner).put2(nameAndType);
    return appendEntry()[0];
  }

  /** Index of the bootstrap method, as the SymbolTable finds or adds it. */
  private int bootstrapMethod(Handle handle, Object[] arguments) {
    int[] entry = new int[2 + arguments.length];
    for (int i = 0; i < arguments.length; i++) {
      if (!(arguments[i] instanceof String argument)) {
        throw new IllegalArgumentException("not a String: " + arguments[i]);
      }
      entry[2 + i] = utf8Reference(strings, STRING, argument);
    }
    entry[0] = methodHandle(handle);
    entry[1] = arguments.length;
    Parts key = new Parts(null, null, entry);
    int[] equal = bootstrapMethodsFound.get(key);
    if (equal == null) {
      equal = ownBootstrapMethods(entry);
      bootstrapMethodsFound.put(key, equal);
    }
    if (equal.length == 0) {
      for (int value : entry) {
        bootstrapMethods.put2(value);
      }
      put();
      equal = new int[] {ownBootstrapMethods + addedBootstrapMethods++};
      bootstrapMethodsFound.put(key, equal);
    }
    return pick(equal);
  }

  private int[] ownBootstrapMethods(int[] entry) {
    int[] equal = new int[ownBootstrapMethods];
    int found = 0;
    int offset = bootstrapAttribute + 8;
    for (int method = 0; method < ownBootstrapMethods; method++) {
      int length = 2 + reader.readUnsignedShort(offset + 2);
      boolean same = length == entry.length;
      for (int i = 0; same && i < length; i++) {
        same = reader.readUnsignedShort(offset + 2 * i) == entry[i];
      }
      if (same) {
        equal[found++] = method;
      }
      offset += 2 * length;
    }
    return Arrays.copyOf(equal, found);
  }

  /** The class's own Utf8 entries equal to {@code value}, or the one appended. */
  private int[] ownUtf8s(String value) {
    int[] equal = utf8s.get(value);
    if (equal == null) {
      equal = findUtf8s(value);
      utf8s.put(value, equal);
    }
    return equal;
  }

  private int[] findUtf8s(String value) {
    if (next == null) {
      index();
    }
    int length = value.length();
    boolean ascii = true;
    for (int i = 0; ascii && i < length; i++) {
      char c = value.charAt(i);
      ascii = c >= 0x01 && c <= 0x7F;
    }
    // most names are ASCII, compared char by byte without encoding them
    byte[] bytes = ascii ? null : utf8Bytes(value);
    int size = ascii ? length : bytes.length;
    int bucket = size == 0 ? 0 : ascii ? bucket(size, value.charAt(0), value.charAt(size - 1))
        : bucket(size, bytes[0], bytes[size - 1]);
    int[] found = NONE;
    for (int index = utf8Heads[bucket]; index != 0; index = next[index]) {
      int offset = reader.getItem(index);
      if (reader.readUnsignedShort(offset) == size
          && (ascii ? sameAscii(offset + 2, value)
              : Arrays.equals(b, offset + 2, offset + 2 + size, bytes, 0, size))) {
        found = with(found, index);
      }
    }
    return found;
  }

  private boolean sameAscii(int offset, String value) {
    for (int i = 0; i < value.length(); i++) {
      if (b[offset + i] != value.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The class's own entries with {@code tag} that refer to one of {@code targets} and, when {@code
   * operand} is not negative, have at that offset a reference to one of {@code allowed}.
   */
  private int[] referrers(int tag, int[] targets, int operand, int[] allowed) {
    int[] found = NONE;
    for (int target : targets) {
      if (target >= ownCount) {
        continue;
      }
      for (int index = referrerHeads[target]; index != 0; index = next[index]) {
        int offset = reader.getItem(index);
        if (b[offset - 1] == tag
            && (operand < 0 || contains(allowed, reader.readUnsignedShort(offset + operand)))) {
          found = with(found, index);
        }
      }
    }
    return found;
  }

  /** Equal entries are rare: most lookups find one or none. */
  private static int[] with(int[] found, int index) {
    int[] more = Arrays.copyOf(found, found.length + 1);
    more[found.length] = index;
    return more;
  }

  private static boolean contains(int[] values, int value) {
    for (int each : values) {
      if (each == value) {
        return true;
      }
    }
    return false;
  }

  /** Of equal entries, the one the SymbolTable finds now. */
  private int pick(int[] equal) {
    int picked = equal[0];
    for (int index : equal) {
      picked = findsLast ? Math.max(picked, index) : Math.min(picked, index);
    }
    return picked;
  }

  /** Counts the entry just appended to the pool. */
  private int[] appendEntry() {
    put();
    return new int[] {count++};
  }

  /** An entry added to the SymbolTable's hash table, which grows when three quarters full. */
  private void put() {
    if (tableEntries > tableCapacity * 3 / 4) {
      tableCapacity = tableCapacity * 2 + 1;
      findsLast = !findsLast;
    }
    tableEntries++;
  }

  private void index() {
    next = new int[ownCount];
    referrerHeads = new int[ownCount];
    utf8Heads = new int[Integer.highestOneBit(ownCount) * 2];
    int entries = 0;
    boolean dynamic = false;
    for (int index = 1; index < ownCount; index++) {
      int offset = reader.getItem(index);
      int referred = 0;
      entries++;
      switch (b[offset - 1]) {
        case UTF8 -> {
          int length = reader.readUnsignedShort(offset);
          int bucket = length == 0 ? 0 : bucket(length, b[offset + 2], b[offset + 1 + length]);
          next[index] = utf8Heads[bucket];
          utf8Heads[bucket] = index;
        }
        case LONG, DOUBLE -> index++;
        case CLASS, STRING, METHOD_TYPE, MODULE, PACKAGE, NAME_AND_TYPE ->
            referred = reader.readUnsignedShort(offset);
        case FIELDREF, METHODREF, INTERFACE_METHODREF -> referred =
            reader.readUnsignedShort(offset + 2);
        case METHOD_HANDLE -> referred = reader.readUnsignedShort(offset + 1);
        case DYNAMIC, INVOKE_DYNAMIC -> {
          referred = reader.readUnsignedShort(offset + 2);
          dynamic = true;
        }
        default -> { }
      }
      if (referred != 0) {
        next[index] = referrerHeads[referred];
        referrerHeads[referred] = index;
      }
    }
    attributes = CodeSizes.classAttributes(reader);
    bootstrapAttribute = bootstrapAttribute();
    // the SymbolTable copies the bootstrap methods only of a class with dynamic entries
    ownBootstrapMethods = dynamic && bootstrapAttribute >= 0
        ? reader.readUnsignedShort(bootstrapAttribute + 6) : 0;
    tableEntries = entries + ownBootstrapMethods;
    tableCapacity = 2 * ownCount;
  }

  private int bootstrapAttribute() {
    int offset = attributes + 2;
    for (int i = reader.readUnsignedShort(attributes); i > 0; i--) {
      int name = reader.getItem(reader.readUnsignedShort(offset));
      if (reader.readUnsignedShort(name) == BOOTSTRAP_METHODS.length
          && Arrays.equals(b, name + 2, name + 2 + BOOTSTRAP_METHODS.length, BOOTSTRAP_METHODS, 0,
              BOOTSTRAP_METHODS.length)) {
        return offset;
      }
      offset += 6 + reader.readInt(offset + 2);
    }
    return -1;
  }

  /** @param first the first byte, or char of an ASCII value, as {@code last} the last */
  private int bucket(int length, int first, int last) {
    return ((length * 31 + first) * 31 + last) & (utf8Heads.length - 1);
  }

  /** {@code value} in the class file's modified UTF-8, as ASM encodes it. */
  private static byte[] utf8Bytes(String value) {
    int length = value.length();
    int size = 0;
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      size += c >= 0x01 && c <= 0x7F ? 1 : c <= 0x7FF ? 2 : 3;
    }
    byte[] bytes = new byte[size];
    int at = 0;
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c >= 0x01 && c <= 0x7F) {
        bytes[at++] = (byte) c;
      } else if (c <= 0x7FF) {
        bytes[at++] = (byte) (0xC0 | c >> 6 & 0x1F);
        bytes[at++] = (byte) (0x80 | c & 0x3F);
      } else {
        bytes[at++] = (byte) (0xE0 | c >> 12 & 0xF);
        bytes[at++] = (byte) (0x80 | c >> 6 & 0x3F);
        bytes[at++] = (byte) (0x80 | c & 0x3F);
      }
    }
    return bytes;
  }

  /**
   * A lookup key of names and indices, equality written out (a record's is bootstrapped through
   * method handles at first use, inside the agent's first class).
   */
  private static final class Parts {
    final String name;
    final String descriptor;
    final int[] indices;

    Parts(String name, String descriptor, int[] indices) {
      this.name = name;
      this.descriptor = descriptor;
      this.indices = indices;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Parts that && Objects.equals(name, that.name)
          && Objects.equals(descriptor, that.descriptor) && Arrays.equals(indices, that.indices);
    }

    @Override
    public int hashCode() {
      return (31 * Objects.hashCode(name) + Objects.hashCode(descriptor)) * 31
          + Arrays.hashCode(indices);
    }
  }
}
