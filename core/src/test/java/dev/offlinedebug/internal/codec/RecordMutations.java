package dev.offlinedebug.internal.codec;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Random and structure-aware mutations of a record payload for {@link ReaderFuzzChild}. Most
 * mutations are sealed with a fresh checksum, so that they reach the decoder rather than stop at
 * the checksum. Structure-aware ones find Chronicle Wire's binary codes (lengths of nested
 * documents and sequences, fixed-size ints, text lengths) and make them huge, negative or wrong.
 */
final class RecordMutations {
  /** A mutated payload and what was done to it. */
  record Mutated(byte[] payload, String how) {}

  private static final int TRAILER = 7;
  private static final int BYTES_LENGTH8 = 0x80;
  private static final int BYTES_LENGTH32 = 0x82;
  private static final int INT32 = 0xa6;
  private static final int STRING_ANY = 0xb8;
  private static final int STRING_0 = 0xe0;
  private static final int[] HUGE = {Integer.MAX_VALUE, Integer.MIN_VALUE, -1, 1 << 30, 0x3fffffff, 65_536};

  private final Random random;

  RecordMutations(Random random) {
    this.random = random;
  }

  Mutated mutate(byte[] payload) {
    byte[] body = Arrays.copyOf(payload, payload.length - TRAILER);
    int rounds = random.nextInt(4) == 0 ? 2 : 1;
    List<String> how = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      int choice = random.nextInt(9);
      how.add(switch (choice) {
        case 0 -> flip(body);
        case 1 -> lengthField(body);
        case 2 -> int32(body);
        case 3 -> textLength(body);
        case 4 -> smallInt(body);
        case 5 -> {
          body = splice(body);
          yield "splice";
        }
        case 6 -> {
          body = delete(body);
          yield "delete";
        }
        case 7 -> {
          body = Arrays.copyOf(body, random.nextInt(body.length + 1));
          yield "truncate to " + body.length;
        }
        default -> {
          body = repeat(body);
          yield "repeat";
        }
      });
    }
    if (random.nextInt(10) == 0) {
      byte[] unsealed = Arrays.copyOf(payload, payload.length);
      unsealed[random.nextInt(unsealed.length)] ^= (byte) (1 + random.nextInt(255));
      return new Mutated(unsealed, "flip without checksum");
    }
    return new Mutated(CraftedRecords.withChecksum(body), String.join(", ", how));
  }

  private String flip(byte[] body) {
    int flips = 1 + random.nextInt(8);
    for (int i = 0; i < flips && body.length > 0; i++) {
      body[random.nextInt(body.length)] ^= (byte) (1 + random.nextInt(255));
    }
    return "flip " + flips;
  }

  /** The length of a nested document or sequence, made huge or wrong. */
  private String lengthField(byte[] body) {
    int at = find(body, b -> b >= BYTES_LENGTH8 && b <= BYTES_LENGTH32);
    if (at < 0) {
      return flip(body);
    }
    int width = 1 << ((body[at] & 0xff) - BYTES_LENGTH8);
    int value = random.nextBoolean() ? HUGE[random.nextInt(HUGE.length)] : random.nextInt(1 << 16);
    put(body, at + 1, width, value);
    return "length at " + at + " = " + value;
  }

  private String int32(byte[] body) {
    int at = find(body, b -> b == INT32);
    if (at < 0) {
      return flip(body);
    }
    int value = HUGE[random.nextInt(HUGE.length)];
    put(body, at + 1, 4, value);
    return "int32 at " + at + " = " + value;
  }

  /** A text's length: a short string's length code, or the stop-bit length of a long one. */
  private String textLength(byte[] body) {
    int at = find(body, b -> b == STRING_ANY || b >= STRING_0);
    if (at < 0) {
      return flip(body);
    }
    if ((body[at] & 0xff) == STRING_ANY) {
      put(body, at + 1, Math.min(4, body.length - at - 1), 0xffffffff);
    } else {
      body[at] = (byte) (STRING_0 + random.nextInt(32));
    }
    return "text length at " + at;
  }

  /** Small ints are counts, indexes into the string table, frame indexes: any value is worth trying. */
  private String smallInt(byte[] body) {
    int at = find(body, b -> b < 0x80);
    if (at < 0) {
      return flip(body);
    }
    body[at] = (byte) random.nextInt(0x80);
    return "small int at " + at;
  }

  private byte[] splice(byte[] body) {
    int from = random.nextInt(body.length + 1);
    int to = Math.min(body.length, from + random.nextInt(64));
    int at = random.nextInt(body.length + 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + to - from);
    out.write(body, 0, at);
    out.write(body, from, to - from);
    out.write(body, at, body.length - at);
    return out.toByteArray();
  }

  private byte[] delete(byte[] body) {
    int from = random.nextInt(body.length + 1);
    int to = Math.min(body.length, from + 1 + random.nextInt(32));
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
    out.write(body, 0, from);
    out.write(body, to, body.length - to);
    return out.toByteArray();
  }

  /** A chunk written many times in a row: many items from few distinct bytes. */
  private byte[] repeat(byte[] body) {
    int from = random.nextInt(body.length + 1);
    int to = Math.min(body.length, from + 1 + random.nextInt(48));
    int times = 1 + random.nextInt(2_000);
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + times * (to - from));
    out.write(body, 0, to);
    for (int i = 0; i < times; i++) {
      out.write(body, from, to - from);
    }
    out.write(body, to, body.length - to);
    return out.toByteArray();
  }

  private int find(byte[] body, java.util.function.IntPredicate code) {
    if (body.length == 0) {
      return -1;
    }
    int start = random.nextInt(body.length);
    for (int i = 0; i < body.length; i++) {
      int at = (start + i) % body.length;
      if (code.test(body[at] & 0xff)) {
        return at;
      }
    }
    return -1;
  }

  private static void put(byte[] body, int at, int width, int value) {
    for (int i = 0; i < width && at + i < body.length; i++) {
      body[at + i] = (byte) (value >>> (8 * i));
    }
  }
}
