package dev.offlinedebug.internal.codec;

import java.util.ArrayDeque;
import java.util.Deque;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.wire.BinaryWire;
import net.openhft.chronicle.wire.ValueOut;
import net.openhft.chronicle.wire.WireOut;

/**
 * The reference for {@link WireBuffer}: every {@link WireOutput} call made on Chronicle Wire's own
 * {@code BinaryWire}. A sequence or marshallable is written by Chronicle's {@code sequence} or
 * {@code marshallable} when it ends, its content having gone to a nested Chronicle wire meanwhile.
 */
final class ChronicleWireOutput implements WireOutput {
  private final Deque<Scope> scopes = new ArrayDeque<>();

  ChronicleWireOutput() {
    scopes.push(new Scope(false));
  }

  /** Everything written, once every sequence and marshallable has ended. */
  byte[] toByteArray() {
    return scopes.getFirst().bytes.toByteArray();
  }

  private static final class Scope {
    final Bytes<byte[]> bytes = Bytes.allocateElasticOnHeap(256);
    final WireOut wire = BinaryWire.binaryOnly(bytes);
    final boolean sequence;
    ValueOut value;

    Scope(boolean sequence) {
      this.sequence = sequence;
      value = sequence ? wire.getValueOut() : null;
    }
  }

  private ValueOut value() {
    Scope scope = scopes.getFirst();
    ValueOut value = scope.value;
    if (!scope.sequence) {
      scope.value = null;
    }
    if (value == null) {
      throw new IllegalStateException("a value without a field");
    }
    return value;
  }

  @Override
  public void field(String name) {
    scopes.getFirst().value = scopes.getFirst().wire.write(name);
  }

  @Override
  public void int32(int value) {
    value().int32(value);
  }

  @Override
  public void int64(long value) {
    value().int64(value);
  }

  /** As the first release's {@code SmallInts} wrote them: a raw byte, else Chronicle's int32. */
  @Override
  public void smallInt(int value) {
    ValueOut out = value();
    if (value >= 0 && value < 0x80) {
      out.wireOut().bytes().writeUnsignedByte(value);
    } else {
      out.int32(value);
    }
  }

  @Override
  public void bool(boolean value) {
    value().bool(value);
  }

  @Override
  public void text(String value) {
    value().text(value);
  }

  @Override
  public void bytes(byte[] value) {
    value().bytes(value);
  }

  @Override
  public void fixedInt32(int value) {
    value().fixedInt32(value);
  }

  @Override
  public void beginSequence() {
    scopes.push(new Scope(true));
  }

  @Override
  public void endSequence() {
    Scope inner = scopes.pop();
    value().sequence(inner.bytes, (content, seq) -> seq.wireOut().bytes().write(content));
  }

  @Override
  public void beginMarshallable() {
    scopes.push(new Scope(false));
  }

  @Override
  public void endMarshallable() {
    Scope inner = scopes.pop();
    value().marshallable(w -> w.bytes().write(inner.bytes));
  }

  @Override
  public void append(WireOutput other) {
    scopes.getFirst().bytes.write(((ChronicleWireOutput) other).scopes.getFirst().bytes);
  }
}
