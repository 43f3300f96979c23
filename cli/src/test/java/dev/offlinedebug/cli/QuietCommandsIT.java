package dev.offlinedebug.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.shop.Failures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command prints only what the user asked for: nothing on stderr when it succeeds, no
 * SLF4J or Chronicle notice, on the JDK running the tests (CI: 17 and 25).
 */
class QuietCommandsIT {
  @TempDir Path work;

  @Test
  void everyCommand_success_printsNothingOnStderr() throws Exception {
    Path dir = work.resolve("dumps");
    String id;
    try (StoreFixture store = StoreFixture.open(dir)) {
      id = store.write(Failures.declined("C-1042", 33_790));
    }
    JarRunner runner = new JarRunner(work);
    List<String> noisy = new ArrayList<>();
    for (List<String> command : List.of(
        List.of("list"), List.of("stats"), List.of("show", id), List.of("export", id, "--format", "json"),
        List.of("--version"))) {
      List<String> args = new ArrayList<>(command);
      if (!command.get(0).startsWith("--")) {
        args.addAll(List.of("--dir", dir.toString()));
      }
      JarRunner.Result result = runner.run(args.toArray(String[]::new));
      assertEquals(0, result.exit(), result.toString());
      if (!result.err().isEmpty()) {
        noisy.add(String.join(" ", command) + ":\n" + result.err());
      }
    }
    assertEquals(List.of(), noisy, "stderr of successful commands");
  }
}
