package dev.offlinedebug.internal.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.offlinedebug.model.FrameInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameTextTest {

  @Test
  void of_printsLikeTheLiveThrowable() {
    Throwable live = new Throwable();
    StackTraceElement[] trace = live.getStackTrace();
    for (StackTraceElement element : trace) {
      assertEquals(element.toString(), FrameText.of(FrameInfo.of(element)));
    }
  }

  @Test
  void of_customLoaderModuleAndNative() {
    assertEquals("plugins/com.acme@2.1/com.acme.A.run(A.java:5)", FrameText.of(frame("plugins", "com.acme", "2.1", "A.java", 5)));
    assertEquals("plugins//com.acme.A.run(A.java)", FrameText.of(frame("plugins", null, null, "A.java", -1)));
    assertEquals("com.acme.A.run(Native Method)", FrameText.of(frame(null, null, null, null, -2)));
    assertEquals("com.acme.A.run(Unknown Source)", FrameText.of(frame("app", null, null, null, 3)));
  }

  private static FrameInfo frame(String loader, String module, String version, String file, int line) {
    return new FrameInfo("com.acme.A", "run", file, line, module, version, loader, false, List.of());
  }
}
