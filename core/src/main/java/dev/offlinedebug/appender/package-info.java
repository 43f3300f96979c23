/**
 * The framework-neutral skeleton both appenders (Log4j2, Logback) are thin adapters over.
 *
 * <ul>
 *   <li>{@link dev.offlinedebug.appender.DumpOptions}: the options with identical names and string
 *       syntax in both frameworks; setters store, {@code start} validates.
 *   <li>{@link dev.offlinedebug.appender.AppenderCore}: started check, thread-local re-entry guard,
 *       minimum level, write the dump, forward with the ID.
 *   <li>{@link dev.offlinedebug.appender.EventAdapter}: what the core reads from a framework event.
 *   <li>{@link dev.offlinedebug.appender.DumpSink}: what a {@code %dumpId} converter uses. One
 *       throwable gets one dump ID whichever of appender and converter runs first: writers with
 *       identical settings are shared (reference counted, so a reconfiguration keeps them open), and
 *       each shared writer remembers, weakly and bounded, which ID each recent throwable got.
 * </ul>
 *
 * <p>How a converter finds its sink: from the framework's configured {@code OfflineDebug} appender
 * ({@link dev.offlinedebug.appender.AppenderCore#dumpId}), or by directory ({@link
 * dev.offlinedebug.appender.DumpSink#forDirectory}), which returns the most recently started
 * appender's sink for that directory or opens one with default options.
 *
 * @since 0.1
 */
package dev.offlinedebug.appender;
