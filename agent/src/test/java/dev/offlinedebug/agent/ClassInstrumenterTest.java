package dev.offlinedebug.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import fixture.agent.Accessors;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;

class ClassInstrumenterTest {
  @Test
  void instrument_leavesAccessesThatCannotFailAlone_andCopiesThoseMethodsUnchanged()
      throws Exception {
    byte[] original = classFile(Accessors.class);
    byte[] instrumented = new ClassInstrumenter(false).instrument(original);
    assertNotNull(instrumented);
    Map<String, Integer> before = CodeSizes.byMethod(new ClassReader(original));
    Map<String, Integer> after = CodeSizes.byMethod(new ClassReader(instrumented));
    for (String unchanged : new String[] {"<init>(ILjava/lang/String;)V", "getValue()I",
        "setLabel(Ljava/lang/String;)V", "next()I"}) {
      assertEquals(before.get(unchanged), after.get(unchanged), unchanged);
    }
    for (String changed : new String[] {"copyTo(Lfixture/agent/Accessors;)V", "labelLength()I"}) {
      assertNotEquals(before.get(changed), after.get(changed), changed);
    }
    Class<?> loaded = new ClassLoader(null) {
      Class<?> define() {
        return defineClass(Accessors.class.getName(), instrumented, 0, instrumented.length);
      }
    }.define();
    // Verification runs at link time; the constructor and the calls below link the class.
    Object accessors = loaded.getConstructor(int.class, String.class).newInstance(3, "abc");
    assertEquals(3, loaded.getMethod("labelLength").invoke(accessors));
  }

  private static byte[] classFile(Class<?> type) throws IOException {
    try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
      return in.readAllBytes();
    }
  }
}
