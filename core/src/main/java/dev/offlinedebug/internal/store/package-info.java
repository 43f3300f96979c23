/**
 * Internal: The rolling dump store: files, IDs, dedup, rate limit, retention, summaries, upload and loading by ID.
 *
 * <p>No compatibility promise. Public types here are public only for core's other packages; no
 * other module may use them (core's {@code ModuleBoundaryTest} fails when one does). Users go
 * through {@link dev.offlinedebug.OfflineDebug}, integrations through {@code dev.offlinedebug.spi}.
 */
package dev.offlinedebug.internal.store;
