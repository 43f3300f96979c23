package dev.offlinedebug.s3;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link S3Server} for a test class, used from this JVM (the AWS chain's system properties),
 * started before its {@code @BeforeAll} methods and closed after the class:
 *
 * <pre>{@code @RegisterExtension static final S3ServerExtension S3 = new S3ServerExtension();}</pre>
 */
public final class S3ServerExtension implements BeforeAllCallback, AfterAllCallback {
  private S3Server server;

  /** The running server; only between the class's start and end. */
  public S3Server server() {
    return server;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    server = S3Server.start();
    server.useFromThisJvm();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    server.close();
  }
}
