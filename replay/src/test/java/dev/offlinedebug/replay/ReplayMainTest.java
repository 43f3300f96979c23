package dev.offlinedebug.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.offlinedebug.replay.ReplayMain.ReplayArguments;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplayMainTest {
  @Test
  void parse_storeDumpWithCause() {
    ReplayArguments arguments = ReplayArguments.parse(new String[] {"--dir", "logs/dumps", "--id", "od-1", "--cause", "2"});

    assertEquals(new ReplayArguments(null, "logs/dumps", "od-1", 2), arguments);
  }

  @Test
  void parse_standaloneFile() {
    ReplayArguments arguments = ReplayArguments.parse(new String[] {"--file", "failure.dump"});

    assertEquals(new ReplayArguments(Path.of("failure.dump"), null, null, 0), arguments);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--file a --dir b --id c | give either --file, or --dir and --id",
      "--dir b                 | give either --file, or --dir and --id",
      "--id c --cause          | missing value after --cause",
      "--file a --cause -1     | --cause is not in the expected format (<number >= 0>): -1",
      "--file a --jdwp x       | unknown option --jdwp"})
  void parse_usageError(String args, String message) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ReplayArguments.parse(args.split(" +")));

    assertEquals(message, e.getMessage());
  }
}
