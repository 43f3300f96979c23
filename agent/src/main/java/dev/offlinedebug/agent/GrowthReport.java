package dev.offlinedebug.agent;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.objectweb.asm.ClassReader;

/**
 * How much the agent grows the bytecode and the class files of some jars, and how many methods it
 * pushes over HotSpot's size limits: 325 bytes ({@code FreqInlineSize}: hot callees larger are not
 * inlined) and 8,000 bytes ({@code HugeMethodLimit}: larger methods are never compiled). With the
 * default {@code inliningGuard=true} and without it. Nothing is loaded or run; the jars are only
 * read:
 *
 * <pre>{@code
 * java -cp offline-debug-agent.jar dev.offlinedebug.agent.GrowthReport app.jar lib.jar
 * }</pre>
 */
public final class GrowthReport {
  private GrowthReport() {}

  /** Prints one line per jar and variant to standard output. */
  public static void main(String[] jars) throws IOException {
    List<Path> paths = new ArrayList<>();
    for (String jar : jars) {
      paths.add(Path.of(jar));
    }
    print(paths, System.out);
  }

  /** Prints a header, then for each jar one line with the guard on and one with it off. */
  public static void print(List<Path> jars, PrintStream out) throws IOException {
    out.printf("%-34s %7s %8s %11s %8s %9s %9s %9s %8s%n", "jar", "classes", "methods",
        "bytecode", "growth", "instr.", ">325", ">8000", "files");
    for (Path jar : jars) {
      print(jar, true, out);
      print(jar, false, out);
    }
  }

  private static void print(Path jar, boolean inliningGuard, PrintStream out) throws IOException {
    ClassInstrumenter instrumenter = new ClassInstrumenter(inliningGuard);
    Totals totals = new Totals();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry entry : file.stream().toList()) {
        // module-info, package-info and multi-release copies are no classes of the application
        if (!entry.getName().endsWith(".class") || entry.getName().contains("-")) {
          continue;
        }
        byte[] original = file.getInputStream(entry).readAllBytes();
        byte[] instrumented = instrumenter.instrument(original);
        totals.add(CodeSizes.byMethod(new ClassReader(original)),
            instrumented == null ? null : CodeSizes.byMethod(new ClassReader(instrumented)));
        totals.filesBefore += original.length;
        totals.filesAfter += instrumented == null ? original.length : instrumented.length;
      }
    }
    out.printf("%-34s %7d %8d %11d %7.1f%% %9d %9d %9d %7.1f%%  (%s)%n",
        jar.getFileName(), totals.classes, totals.methods, totals.before,
        growth(totals.before, totals.after), totals.changed, totals.overInlining,
        totals.overHuge, growth(totals.filesBefore, totals.filesAfter),
        inliningGuard ? "guard on" : "guard off");
  }

  private static double growth(long before, long after) {
    return before == 0 ? 0.0 : 100.0 * (after - before) / before;
  }

  private static final class Totals {
    int classes;
    int methods;
    int changed;
    int overInlining;
    int overHuge;
    long before;
    long after;
    /** Whole class files: code and what the JVM also parses at load (constants, frames, tables). */
    long filesBefore;
    long filesAfter;

    void add(Map<String, Integer> original, Map<String, Integer> instrumented) {
      classes++;
      for (Map.Entry<String, Integer> method : original.entrySet()) {
        int size = method.getValue();
        int newSize = instrumented == null ? size : instrumented.get(method.getKey());
        methods++;
        before += size;
        after += newSize;
        changed += newSize != size ? 1 : 0;
        overInlining += MethodInstrumenter.crossesInliningLimit(size, newSize) ? 1 : 0;
        overHuge += MethodInstrumenter.crossesCompileLimit(size, newSize) ? 1 : 0;
      }
    }
  }
}
