package dev.offlinedebug.internal.store;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;

/**
 * Refuses a store directory that another user could plant files in (a FIFO or a symlink named like
 * a store file or the ledger): one owned by another user, or writable by all users. Only where the
 * file system has POSIX permissions. A directory writable by its group is accepted, as user
 * private groups (the default on many Linux systems) make {@code mkdir} create such directories.
 */
final class TrustedDirectory {
  private TrustedDirectory() {}

  /** Thrown when a store directory is refused; its reason says why and how to fix it. */
  static final class UntrustedDirectoryException extends FileSystemException {
    private static final long serialVersionUID = 1L;

    UntrustedDirectoryException(Path directory, String reason) {
      super(directory.toString(), null, reason);
    }
  }

  /** @throws UntrustedDirectoryException when {@code directory} is refused */
  static void check(Path directory) throws IOException {
    if (!directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    PosixFileAttributes attributes = Files.readAttributes(directory, PosixFileAttributes.class);
    if (attributes.permissions().contains(PosixFilePermission.OTHERS_WRITE)) {
      throw new UntrustedDirectoryException(directory, "refused because any user can write to it ("
          + PosixFilePermissions.toString(attributes.permissions()) + "); remove write permission for others (chmod o-w)");
    }
    UserPrincipal us = ProcessOwner.PRINCIPAL;
    if (us != null && !us.equals(attributes.owner())) {
      throw new UntrustedDirectoryException(directory, "refused because it is owned by "
          + attributes.owner().getName() + ", not by " + us.getName() + " who runs this process");
    }
  }

  /** The user this process runs as, looked up once; {@code null} when it cannot be told. */
  private static final class ProcessOwner {
    static final UserPrincipal PRINCIPAL = lookUp();

    private static UserPrincipal lookUp() {
      // Linux: /proc/self belongs to the process's effective user, whatever user.name says.
      Path self = Path.of("/proc/self");
      try {
        if (Files.isDirectory(self)) {
          return Files.getOwner(self);
        }
      } catch (IOException | RuntimeException e) {
        // fall back to the name
      }
      try {
        return self.getFileSystem().getUserPrincipalLookupService()
            .lookupPrincipalByName(System.getProperty("user.name"));
      } catch (IOException | RuntimeException e) {
        return null;
      }
    }
  }
}
