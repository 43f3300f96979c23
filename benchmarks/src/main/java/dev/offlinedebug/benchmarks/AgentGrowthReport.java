package dev.offlinedebug.benchmarks;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Bytecode growth of the agent's instrumentation on real libraries, and how many methods it pushes
 * over HotSpot's size limits: 325 bytes ({@code FreqInlineSize}: hot callees larger are not
 * inlined) and 8,000 bytes ({@code HugeMethodLimit}: larger methods are never compiled). With the
 * agent's default {@code inliningGuard=true} and without it. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.offlinedebug.benchmarks.AgentGrowthReport}.
 *
 * <p>The instrumenter is package-private in the agent, so it is reached by reflection: this is a
 * measuring tool, not an API.
 */
public final class AgentGrowthReport {
  private static final int FREQ_INLINE_SIZE = 325;
  private static final int HUGE_METHOD_LIMIT = 8_000;

  private final Method instrument;
  private final Object guarded;
  private final Object unguarded;
  private final Constructor<?> reader;
  private final Method codeSizes;

  private AgentGrowthReport() throws ReflectiveOperationException {
    Class<?> instrumenter = Class.forName("dev.offlinedebug.agent.ClassInstrumenter");
    Constructor<?> create = instrumenter.getDeclaredConstructor(boolean.class);
    create.setAccessible(true);
    guarded = create.newInstance(true);
    unguarded = create.newInstance(false);
    instrument = instrumenter.getDeclaredMethod("instrument", byte[].class);
    instrument.setAccessible(true);
    Class<?> readerType = Class.forName("dev.offlinedebug.agent.shaded.asm.ClassReader");
    reader = readerType.getConstructor(byte[].class);
    codeSizes = Class.forName("dev.offlinedebug.agent.CodeSizes")
        .getDeclaredMethod("of", readerType);
    codeSizes.setAccessible(true);
  }

  public static void main(String[] args) throws Exception {
    AgentGrowthReport report = new AgentGrowthReport();
    System.out.printf("%-34s %7s %8s %11s %8s %9s %9s %9s%n", "jar", "classes", "methods",
        "bytecode", "growth", "instr.", ">325", ">8000");
    for (Path jar : AgentStartupBenchmark.libraryJars()) {
      report.measure(jar, report.guarded, "guard on");
      report.measure(jar, report.unguarded, "guard off");
    }
  }

  private void measure(Path jar, Object instrumenter, String variant) throws Exception {
    Totals totals = new Totals();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry entry : List.copyOf(file.stream().toList())) {
        if (!entry.getName().endsWith(".class") || entry.getName().contains("-")) {
          continue;
        }
        byte[] original = file.getInputStream(entry).readAllBytes();
        byte[] instrumented = (byte[]) instrument.invoke(instrumenter, (Object) original);
        totals.add(sizes(original), instrumented == null ? null : sizes(instrumented));
      }
    }
    System.out.printf("%-34s %7d %8d %11d %7.1f%% %9d %9d %9d  (%s)%n",
        jar.getFileName(), totals.classes, totals.methods, totals.before,
        100.0 * (totals.after - totals.before) / totals.before, totals.changed,
        totals.overInlining, totals.overHuge, variant);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Integer> sizes(byte[] classFile) throws ReflectiveOperationException {
    return (Map<String, Integer>) codeSizes.invoke(null, reader.newInstance((Object) classFile));
  }

  private static final class Totals {
    int classes;
    int methods;
    int changed;
    int overInlining;
    int overHuge;
    long before;
    long after;

    void add(Map<String, Integer> original, Map<String, Integer> instrumented) {
      classes++;
      for (Map.Entry<String, Integer> method : original.entrySet()) {
        int size = method.getValue();
        int newSize = instrumented == null ? size : instrumented.get(method.getKey());
        methods++;
        before += size;
        after += newSize;
        changed += newSize != size ? 1 : 0;
        overInlining += size <= FREQ_INLINE_SIZE && newSize > FREQ_INLINE_SIZE ? 1 : 0;
        overHuge += size <= HUGE_METHOD_LIMIT && newSize > HUGE_METHOD_LIMIT ? 1 : 0;
      }
    }
  }
}
