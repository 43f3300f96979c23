package dev.offlinedebug.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgentOptionsTest {
  @Test
  void parse_globsAndLimits() {
    AgentOptions options = AgentOptions.parse(
        "include=com.acme.*;org.example.*,exclude=com.acme.gen.*;maxFrames=8;"
            + "maxExceptionsPerSecond=50;inliningGuard=false");
    assertEquals(List.of("com.acme.*", "org.example.*"), options.include);
    assertEquals(List.of("com.acme.gen.*"), options.exclude);
    assertEquals(8, options.maxFrames);
    assertEquals(50, options.maxExceptionsPerSecond);
    assertFalse(options.inliningGuard);
  }

  @Test
  void parse_badValueNamesExpectedFormat() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> AgentOptions.parse("maxFrames=lots"));
    assertEquals("agent option maxFrames='lots' is not in the expected format (a positive integer)",
        error.getMessage());
    assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("colour=blue"));
  }

  @Test
  void accepts_includeMinusExcludeNeverJdkOrRecorder() {
    ClassFilter filter = new ClassFilter(List.of("com.acme.*", "dev.offlinedebug.examples.*"),
        List.of("com.acme.gen.*"));
    assertTrue(filter.accepts("com/acme/Order"));
    assertTrue(filter.accepts("com/acme/deep/Order$Line"));
    assertFalse(filter.accepts("com/acme/gen/Stub"));
    assertFalse(filter.accepts("org/other/Thing"));
    assertTrue(filter.accepts("dev/offlinedebug/examples/Demo"));
    ClassFilter everything = new ClassFilter(List.of("*"), List.of());
    assertFalse(everything.accepts("java/lang/String"));
    assertFalse(everything.accepts("dev/offlinedebug/locals/UnwindRecorder"));
    assertFalse(everything.accepts("dev/offlinedebug/agent/ClassFilter"));
  }

  @Test
  void accepts_withoutIncludeEverythingButOurOwn() {
    ClassFilter filter = new ClassFilter(List.of(), List.of("org.skip.*"));
    assertTrue(filter.accepts("org/app/Main"));
    assertFalse(filter.accepts("org/skip/Main"));
    assertFalse(filter.accepts("dev/offlinedebug/capture/DumpCapture"));
  }
}
