package dev.offlinedebug.internal.codec;

import dev.offlinedebug.Dump;
import dev.offlinedebug.model.ArrayValue;
import dev.offlinedebug.model.FrameInfo;
import dev.offlinedebug.model.LocalVariable;
import dev.offlinedebug.model.MapValue;
import dev.offlinedebug.model.NullValue;
import dev.offlinedebug.model.ObjectValue;
import dev.offlinedebug.model.OmittedValue;
import dev.offlinedebug.model.PrimitiveValue;
import dev.offlinedebug.model.RefValue;
import dev.offlinedebug.model.StringValue;
import dev.offlinedebug.model.TextValue;
import dev.offlinedebug.model.ThrowableValue;
import dev.offlinedebug.model.ThreadInfo;
import dev.offlinedebug.model.ThrowableGraph;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.model.Value;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generated dumps and the edge values of Chronicle's codes, for the conformance tests: every value
 * kind, text from every Unicode plane with lone surrogates, the lengths where Chronicle's length
 * codes change, the numbers where its int codes change.
 */
final class WireCorpus {
  /** Numbers around every boundary of Chronicle's int and long codes. */
  static final long[] EDGE_LONGS = edgeLongs();
  /** UTF-8 byte lengths around the short-string limit and stop-bit boundaries; array lengths around 255 and 65535. */
  static final int[] EDGE_LENGTHS = {0, 1, 2, 15, 16, 30, 31, 32, 33, 126, 127, 128, 129, 254, 255, 256, 257, 16383,
      16384, 16385, 65534, 65535, 65536, 65537};

  private final Random random;

  WireCorpus(long seed) {
    random = new Random(seed);
  }

  private static long[] edgeLongs() {
    List<Long> edges = new ArrayList<>();
    for (int bit = 0; bit < 64; bit++) {
      long power = 1L << bit;
      for (long v : new long[] {power - 1, power, power + 1, -power - 1, -power, -power + 1}) {
        edges.add(v);
      }
    }
    for (long v : new long[] {Long.MAX_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE, 0xFFFF_FFFFL,
        (long) Float.MAX_VALUE, 16_777_216L, 16_777_217L, 3L << 40, (3L << 40) + 1}) {
      edges.add(v);
    }
    return edges.stream().mapToLong(Long::longValue).toArray();
  }

  /** A string of {@code length} chars drawn from every plane, lone surrogates included when {@code lone}. */
  String text(int length, boolean lone) {
    StringBuilder s = new StringBuilder(length);
    int kinds = lone ? 9 : 7;
    while (s.length() < length) {
      switch (random.nextInt(kinds)) {
        case 0, 1 -> s.append((char) (0x20 + random.nextInt(0x5F)));
        case 2 -> s.append((char) random.nextInt(0x20));
        case 3 -> s.append((char) (0x80 + random.nextInt(0x80)));
        case 4 -> s.append((char) (0x100 + random.nextInt(0x700)));
        case 5 -> {
          char c = (char) (0x800 + random.nextInt(0xF800));
          s.append(Character.isSurrogate(c) ? '\uffff' : c);
        }
        case 6 -> {
          if (s.length() + 2 <= length) {
            s.appendCodePoint(0x10000 + random.nextInt(0x100000));
          }
        }
        case 7 -> s.append((char) (0xD800 + random.nextInt(0x400)));
        default -> s.append((char) (0xDC00 + random.nextInt(0x400)));
      }
    }
    return s.toString();
  }

  private String shortText() {
    int roll = random.nextInt(20);
    int length = roll < 12 ? random.nextInt(12) : roll < 18 ? 10 + random.nextInt(40) : 100 + random.nextInt(400);
    return text(length, random.nextInt(6) == 0);
  }

  private String maybe(String s) {
    return random.nextInt(5) == 0 ? null : s;
  }

  private long number() {
    return random.nextBoolean() ? EDGE_LONGS[random.nextInt(EDGE_LONGS.length)] : random.nextLong() >> random.nextInt(64);
  }

  Value value(int depth) {
    int kind = random.nextInt(depth > 4 ? 5 : 9);
    return switch (kind) {
      case 0 -> NullValue.INSTANCE;
      case 1, 2 -> primitive();
      case 3 -> {
        String s = shortText();
        yield new StringValue(s, s.length() + (random.nextBoolean() ? 0 : random.nextInt(1 << 20)));
      }
      case 4 -> random.nextInt(3) == 0 ? new TextValue(shortText(), shortText())
          : random.nextBoolean() ? new ThrowableValue(shortText(), shortText(), random.nextInt(1 << random.nextInt(20)))
          : new OmittedValue(OmittedValue.Reason.values()[random.nextInt(OmittedValue.Reason.values().length)],
              maybe(shortText()));
      case 5 -> {
        Map<String, Value> fields = new LinkedHashMap<>();
        for (int i = random.nextInt(5); i > 0; i--) {
          fields.put(shortText(), value(depth + 1));
        }
        yield new ObjectValue((int) number(), shortText(), fields);
      }
      case 6 -> {
        List<Value> elements = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
          elements.add(value(depth + 1));
        }
        yield new ArrayValue((int) number(), shortText(), elements, (int) number());
      }
      case 7 -> {
        List<MapValue.Entry> entries = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          entries.add(new MapValue.Entry(value(depth + 1), value(depth + 1)));
        }
        yield new MapValue((int) number(), shortText(), entries, (int) number());
      }
      default -> new RefValue((int) number());
    };
  }

  private PrimitiveValue primitive() {
    long n = number();
    return switch (random.nextInt(8)) {
      case 0 -> new PrimitiveValue("boolean", random.nextBoolean());
      case 1 -> new PrimitiveValue("byte", (byte) n);
      case 2 -> new PrimitiveValue("short", (short) n);
      case 3 -> new PrimitiveValue("char", (char) n);
      case 4 -> new PrimitiveValue("int", (int) n);
      case 5 -> new PrimitiveValue("long", n);
      case 6 -> new PrimitiveValue("float", random.nextBoolean() ? Float.intBitsToFloat((int) n) : (float) n);
      default -> new PrimitiveValue("double", random.nextBoolean() ? Double.longBitsToDouble(n) : (double) n);
    };
  }

  private List<FrameInfo> frames(int count, List<FrameInfo> sharedTail) {
    List<FrameInfo> frames = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      boolean module = random.nextInt(4) == 0;
      boolean captured = random.nextInt(3) == 0;
      List<LocalVariable> locals = captured ? locals() : List.of();
      frames.add(new FrameInfo(shortText(), shortText(), maybe(shortText()), (int) number(),
          module ? maybe(shortText()) : null, module ? maybe(shortText()) : null, module ? shortText() : null,
          captured, locals));
    }
    frames.addAll(sharedTail);
    return frames;
  }

  private List<LocalVariable> locals() {
    List<LocalVariable> locals = new ArrayList<>();
    for (int l = random.nextInt(6); l > 0; l--) {
      locals.add(new LocalVariable(shortText(), shortText(), value(0)));
    }
    return locals;
  }

  Dump dump(int index) {
    int count = 1 + random.nextInt(random.nextInt(8) == 0 ? 12 : 3);
    List<ThrowableInfo> throwables = new ArrayList<>();
    List<FrameInfo> previous = List.of();
    for (int i = 0; i < count; i++) {
      List<FrameInfo> shared = previous.isEmpty() || random.nextBoolean() ? List.of()
          : previous.subList(random.nextInt(previous.size()), previous.size());
      List<FrameInfo> frames = frames(random.nextInt(6), shared);
      previous = frames;
      String type = shortText();
      String message = maybe(shortText());
      String description = random.nextBoolean() ? DumpEncoder.defaultDescription(type, message) : shortText();
      int cause = random.nextInt(3) == 0 ? ThrowableInfo.NO_CAUSE : random.nextInt(count);
      List<Integer> suppressed = new ArrayList<>();
      for (int s = random.nextInt(4) == 0 ? random.nextInt(3) : 0; s > 0; s--) {
        suppressed.add(random.nextInt(count));
      }
      Map<String, Value> fields = new LinkedHashMap<>();
      for (int f = random.nextInt(4) == 0 ? random.nextInt(3) : 0; f > 0; f--) {
        fields.put(shortText(), value(0));
      }
      throwables.add(new ThrowableInfo(type, message, description, frames, cause, suppressed, fields));
    }
    return event("od-" + index + "-" + shortText(), shortText(), number(), shortText(), maybe(shortText()),
        new ThrowableGraph(throwables));
  }

  /** A dump of {@code exception} with a generated logging event. */
  private Dump event(String id, String host, long pid, String jvm, String application, ThrowableGraph exception) {
    Map<String, String> mdc = new LinkedHashMap<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      mdc.put(shortText(), shortText());
    }
    List<String> markers = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      markers.add(shortText());
    }
    return new Dump(id, Instant.ofEpochSecond(number() >> 10, random.nextInt(1_000_000_000)), host, pid, jvm,
        application, new ThreadInfo(shortText(), number(), random.nextBoolean(), (int) number()), maybe(shortText()),
        maybe(shortText()), maybe(shortText()), mdc, markers, random.nextBoolean() ? Map.of() : Map.of("k", shortText()),
        random.nextBoolean(), exception);
  }

  /**
   * A repeat of {@code first} as dedup sees one: the same process and shape (types, frames, causes,
   * field names), another logging event, and some messages, descriptions, fields and locals changed.
   */
  Dump repeat(Dump first, String id) {
    List<ThrowableInfo> throwables = new ArrayList<>();
    for (ThrowableInfo t : first.exception().throwables()) {
      List<FrameInfo> frames = new ArrayList<>();
      for (FrameInfo f : t.frames()) {
        frames.add(f.localsCaptured() && random.nextBoolean() ? f.withLocals(locals()) : f);
      }
      Map<String, Value> fields = new LinkedHashMap<>();
      t.fields().forEach((name, value) -> fields.put(name, random.nextBoolean() ? value(0) : value));
      String message = random.nextBoolean() ? maybe(shortText()) : t.message();
      String description = random.nextBoolean() ? shortText() : t.description();
      throwables.add(new ThrowableInfo(t.type(), message, description, frames, t.cause(), t.suppressed(), fields));
    }
    return event(id, first.host(), first.pid(), first.jvm(), first.application(), new ThrowableGraph(throwables));
  }

  /** A cause chain {@code depth} throwables deep, each sharing its parent's frames but the top one. */
  static Dump causeChain(int depth) {
    List<ThrowableInfo> throwables = new ArrayList<>();
    List<FrameInfo> base = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      base.add(new FrameInfo("com.acme.Layer" + i, "call", "Layer" + i + ".java", 10 + i, null, null, null, false, List.of()));
    }
    for (int i = 0; i < depth; i++) {
      List<FrameInfo> frames = new ArrayList<>();
      frames.add(new FrameInfo("com.acme.Wrapper", "wrap" + i, "Wrapper.java", i, null, null, null, false, List.of()));
      frames.addAll(base);
      throwables.add(new ThrowableInfo("com.acme.Wrapped" + (i % 7), "level " + i, "com.acme.Wrapped" + (i % 7) + ": level " + i,
          frames, i + 1 < depth ? i + 1 : ThrowableInfo.NO_CAUSE, List.of(), Map.of()));
    }
    return new Dump("od-chain", Instant.EPOCH, "h", 1, "j", null, new ThreadInfo("t", 1, false, 5), null, null, null,
        Map.of(), List.of(), Map.of(), false, new ThrowableGraph(throwables));
  }

  /** Strings of every edge UTF-8 length, in ASCII, 2-byte, 3-byte and surrogate-pair text, and with lone surrogates. */
  static List<String> edgeTexts() {
    List<String> texts = new ArrayList<>();
    for (int length : EDGE_LENGTHS) {
      texts.add("a".repeat(length));
      texts.add("\u00e9".repeat(length / 2) + "a".repeat(length % 2));
      texts.add("\u65e5".repeat(length / 3) + "a".repeat(length % 3));
      texts.add("\ud83d\ude00".repeat(length / 6) + "a".repeat(length % 6));
      texts.add("\ud800".repeat(length / 3) + "a".repeat(length % 3));
      texts.add("\u0000".repeat(length));
    }
    return texts;
  }
}
