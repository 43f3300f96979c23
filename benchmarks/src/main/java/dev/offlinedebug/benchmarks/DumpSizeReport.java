package dev.offlinedebug.benchmarks;

import dev.offlinedebug.Dump;
import dev.offlinedebug.internal.capture.DumpCapture;
import dev.offlinedebug.internal.codec.DumpCodec;
import dev.offlinedebug.internal.codec.RecordFrame;
import dev.offlinedebug.json.JsonExport;
import dev.offlinedebug.spi.CaptureLimits;
import dev.offlinedebug.spi.LoggedEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * Bytes per dump of the {@linkplain ReferenceDump reference exception}, framed as in the store,
 * against its {@code printStackTrace} text (goal: at most 1.0) and its JSON export (goal: at most
 * 0.5), with and without its 50 locals. Sizes are exact, so this is a plain program, not a JMH run:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.offlinedebug.benchmarks.DumpSizeReport}.
 */
public final class DumpSizeReport {
  private DumpSizeReport() {}

  public static void main(String[] args) {
    Throwable thrown = ReferenceDump.newThrowable();
    StringWriter trace = new StringWriter();
    thrown.printStackTrace(new PrintWriter(trace));
    int traceBytes = trace.toString().getBytes(StandardCharsets.UTF_8).length;
    Dump plain = new DumpCapture(CaptureLimits.DEFAULTS, "shop").capture("od-mhx2k3a1b-q7f3kz-1f4", thrown,
        LoggedEvent.standalone());
    Throwable recorded = ReferenceDump.newThrowable();
    ReferenceDump.recordLocals(recorded);
    Dump withLocals = new DumpCapture(CaptureLimits.DEFAULTS, "shop").capture("od-mhx2k3a1b-q7f3kz-1f4", recorded,
        LoggedEvent.standalone());
    System.out.printf("JDK %s, printStackTrace text: %d bytes%n", System.getProperty("java.version"), traceBytes);
    report("without locals", plain, traceBytes);
    report("with " + ReferenceDump.LOCALS + " locals", withLocals, traceBytes);
  }

  private static void report(String name, Dump dump, int traceBytes) {
    int dumpBytes = RecordFrame.HEADER_SIZE + DumpCodec.encode(dump).length;
    int jsonBytes = JsonExport.toJson(dump).getBytes(StandardCharsets.UTF_8).length;
    System.out.printf("%-16s dump %5d bytes, JSON %6d bytes, dump/printStackTrace %.2f (goal <= 1.0), dump/JSON %.2f (goal <= 0.5)%n",
        name, dumpBytes, jsonBytes, (double) dumpBytes / traceBytes, (double) dumpBytes / jsonBytes);
  }
}
