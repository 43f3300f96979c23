package dev.offlinedebug.internal.rebuild.allowed;

/** Overrides toString, so its printStackTrace header is not "type: message". */
public class LabelledFailure extends IllegalStateException {
  public LabelledFailure(String message) {
    super(message);
  }

  @Override
  public String toString() {
    return "[labelled] " + getMessage();
  }
}
