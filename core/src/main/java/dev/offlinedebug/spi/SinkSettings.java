package dev.offlinedebug.spi;

/**
 * Parsed and validated appender options.
 *
 * @param writer what the dump writer needs
 * @param minLevel events below it get no dump
 */
record SinkSettings(WriterSettings writer, Severity minLevel) {}
