/**
 * Internal: The Chronicle Wire binary record of a dump: the plain-Java encoder of the write path, the Chronicle-based decoder, framing, checksums and occurrences.
 *
 * <p>No compatibility promise. Public types here are public only for core's other packages; no
 * other module may use them (core's {@code ModuleBoundaryTest} fails when one does). Users go
 * through {@link dev.offlinedebug.OfflineDebug}, integrations through {@code dev.offlinedebug.spi}.
 */
package dev.offlinedebug.internal.codec;
