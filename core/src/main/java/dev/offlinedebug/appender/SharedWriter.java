package dev.offlinedebug.appender;

import dev.offlinedebug.store.DumpWriter;
import dev.offlinedebug.store.WriterSettings;

/**
 * One open {@link DumpWriter} with its throwable-to-ID memory, shared by every appender configured
 * with identical settings. Sharing keeps the writer open while a reconfiguration starts the new
 * appender before it stops the old one, so neither file handles leak nor dumps get lost.
 * Leases are counted by {@link OpenSinks} under its lock.
 */
final class SharedWriter {
  final WriterSettings settings;
  final DumpWriter writer;
  final DumpIds ids = new DumpIds();
  int leases;

  SharedWriter(WriterSettings settings, DumpWriter writer) {
    this.settings = settings;
    this.writer = writer;
  }
}
