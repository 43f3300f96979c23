package dev.offlinedebug.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Makes a test that, instead of running its body, replays a dump: it throws the dump's rebuilt
 * exception through generated frames that carry the original classes, methods, lines and local
 * variables ({@link dev.offlinedebug.OfflineDebug#replay}). Run it under the IDE's debugger with an
 * exception breakpoint and the debugger stops in the replayed frames. Where replay is unavailable,
 * the test throws the rebuilt exception ({@link dev.offlinedebug.OfflineDebug#rethrow(java.nio.file.Path,
 * String)}) instead. The test fails with the dump's exception either way.
 *
 * <pre>{@code
 * @ReplayDump(id = "od-...")  // an ID from a failing test's report or a log line
 * void reproduce() {}
 * }</pre>
 *
 * <p>{@code @ReplayDump} is itself a {@code @Test}. Without an {@link #id()}, the ID comes from
 * the configuration parameter {@code offlinedebug.replay.id} (e.g. {@code mvn test
 * -Dtest=Reproduce -Dofflinedebug.replay.id=od-...}), and without either the test is skipped, so a
 * generic reproduce test can stay in the suite. Exceptions of application classes are rebuilt with
 * their own type only when their packages are allowed by the system property {@code
 * offlinedebug.rebuild.allow}; otherwise a stand-in names the original type.
 *
 * @since 0.1
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(ReplayDumpExtension.class)
public @interface ReplayDump {

  /**
   * The dump store directory; empty for the configuration parameter {@code offlinedebug.directory}
   * or its default {@code target/offline-debug}, relative to the working directory.
   */
  String directory() default "";

  /**
   * The dump's ID; empty for the configuration parameter {@code offlinedebug.replay.id}.
   */
  String id() default "";

  /**
   * Which stack to replay: {@code 0} for the dumped throwable, {@code n} for its n-th cause. The
   * configuration parameter {@code offlinedebug.replay.cause} overrides it.
   */
  int cause() default 0;
}
