package dev.offlinedebug.spi;

/**
 * One open {@link DumpWriter}, shared by every appender configured with identical settings, so that
 * they all get its one dump per throwable. Sharing keeps the writer open while a reconfiguration
 * starts the new appender before it stops the old one, so neither file handles leak nor dumps get
 * lost. Leases are counted by {@link OpenSinks} under its lock.
 */
final class SharedWriter {
  final WriterSettings settings;
  final DumpWriter writer;
  int leases;

  SharedWriter(WriterSettings settings, DumpWriter writer) {
    this.settings = settings;
    this.writer = writer;
  }
}
