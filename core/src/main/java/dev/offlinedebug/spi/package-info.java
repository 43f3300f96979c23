/**
 * The integration kit: what offline-debug's own integrations (the Log4j2 and Logback appenders, the
 * JUnit extension, the CLI, the replay and S3 modules) build on. Users never need these types: they
 * configure an appender or call {@link dev.offlinedebug.OfflineDebug}. No compatibility promise
 * beyond the release it ships in; anything not listed here is internal.
 *
 * <p>Appenders, one skeleton for both frameworks:
 *
 * <ul>
 *   <li>{@link dev.offlinedebug.spi.DumpOptions}: the options with identical names and string
 *       syntax in both frameworks; setters store, {@code start} validates.
 *   <li>{@link dev.offlinedebug.spi.AppenderCore}: started check, thread-local re-entry guard,
 *       minimum level, write the dump, forward with the ID.
 *   <li>{@link dev.offlinedebug.spi.EventAdapter}: what the core reads from a framework event;
 *       {@link dev.offlinedebug.spi.LoggedEvent} is what it makes of it.
 *   <li>{@link dev.offlinedebug.spi.Severity} and {@link dev.offlinedebug.spi.MarkerNames}: levels
 *       and markers, the same in both frameworks.
 *   <li>{@link dev.offlinedebug.spi.DumpSink} and {@link dev.offlinedebug.spi.ConverterStore}: what a
 *       {@code %dumpId} converter uses, by one rule for both frameworks. One throwable gets one dump
 *       ID whichever of appender and converter runs first.
 * </ul>
 *
 * <p>Writing dumps directly (the JUnit extension): {@link dev.offlinedebug.spi.DumpWriter}, opened
 * with {@link dev.offlinedebug.spi.WriterSettings} and {@link dev.offlinedebug.spi.CaptureLimits},
 * reporting to a {@link dev.offlinedebug.spi.StatusListener}.
 *
 * <p>Showing dumps (the CLI, the JUnit extension's HTML): {@link dev.offlinedebug.spi.DumpRenderer}
 * with a {@link dev.offlinedebug.spi.Style}, {@link dev.offlinedebug.spi.TerminalText}, {@link
 * dev.offlinedebug.spi.HtmlPage}, {@link dev.offlinedebug.spi.WireYaml}, and {@link
 * dev.offlinedebug.spi.WireRuntime} to start Chronicle Wire's reading side early; {@link
 * dev.offlinedebug.spi.DumpFeed} to follow a store (the CLI's {@code tail}); {@link
 * dev.offlinedebug.spi.StoreTimeline} for the time of each repeat in a listing (its {@code serve}); {@link
 * dev.offlinedebug.spi.SkippedRecords} to hear of the damaged records a listing skips.
 *
 * <p>Modules found with {@link java.util.ServiceLoader}: {@link dev.offlinedebug.spi.FrameReplay}
 * ({@code offline-debug-replay}) and {@link dev.offlinedebug.spi.ObjectStorageProvider} with its
 * {@link dev.offlinedebug.spi.ObjectStorage} ({@code offline-debug-s3}), resolved by {@link
 * dev.offlinedebug.spi.StorageLocations}.
 *
 * @since 0.1
 */
package dev.offlinedebug.spi;
