package dev.offlinedebug.agent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The child program's printout ({@code fixture.agent.UnwindCases}), parsed per case. */
final class UnwindOutput {
  record Local(String name, String type, String value) {
    @Override
    public String toString() {
      return name + ":" + type + "=" + value;
    }
  }

  record Frame(String className, String methodName, int line, List<Local> locals) {
    /** {@code name:type=value} of each local, in slot order. */
    List<String> describe() {
      return locals.stream().map(Local::toString).toList();
    }
  }

  static final class Case {
    final List<Frame> frames = new ArrayList<>();
    final Map<String, String> info = new HashMap<>();
  }

  final Map<String, Case> cases = new LinkedHashMap<>();
  final Map<String, String> info = new HashMap<>();

  static UnwindOutput parse(String stdout) {
    UnwindOutput output = new UnwindOutput();
    Case current = null;
    for (String line : stdout.split("\n")) {
      if (line.startsWith("case ")) {
        current = new Case();
        output.cases.put(line.substring(5), current);
      } else if (line.startsWith("frame ")) {
        String[] parts = line.substring(6).split("#", 3);
        current.frames.add(new Frame(parts[0], parts[1], Integer.parseInt(parts[2]),
            new ArrayList<>()));
      } else if (line.startsWith("local ")) {
        String[] parts = line.substring(6).split("#", 3);
        current.frames.get(current.frames.size() - 1).locals()
            .add(new Local(parts[0], parts[1], parts[2]));
      } else if (line.startsWith("info ")) {
        String[] parts = line.substring(5).split("=", 2);
        (current == null ? output.info : current.info).put(parts[0], parts[1]);
      }
    }
    return output;
  }

  Case get(String name) {
    Case found = cases.get(name);
    if (found == null) {
      throw new AssertionError("the child printed no case " + name + "; cases: " + cases.keySet());
    }
    return found;
  }
}
