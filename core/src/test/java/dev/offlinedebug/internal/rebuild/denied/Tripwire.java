package dev.offlinedebug.internal.rebuild.denied;

/** Records in a system property when its class is initialised: the rebuild must never do that. */
public class Tripwire extends RuntimeException {
  public static final String PROPERTY = "offlinedebug.test.tripwire";

  static {
    System.setProperty(PROPERTY, "initialised");
  }

  public Tripwire(String message) {
    super(message);
  }
}
