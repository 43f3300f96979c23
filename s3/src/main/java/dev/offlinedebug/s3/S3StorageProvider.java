package dev.offlinedebug.s3;

import dev.offlinedebug.spi.ObjectStorage;
import dev.offlinedebug.spi.ObjectStorageProvider;
import java.io.IOException;
import java.net.URI;

/**
 * Serves {@code s3://bucket[/prefix]} locations for the {@code upload} option, {@code
 * OfflineDebug.open(URI)} and the command's {@code --dir}. Found by {@link java.util.ServiceLoader}.
 *
 * @since 0.1
 */
public final class S3StorageProvider implements ObjectStorageProvider {
  @Override
  public String scheme() {
    return "s3";
  }

  @Override
  public ObjectStorage open(URI location) throws IOException {
    QuietSlf4j.initialise();
    return S3ObjectStorage.open(S3Location.parse(location), S3ClientSettings.fromEnvironment());
  }
}
