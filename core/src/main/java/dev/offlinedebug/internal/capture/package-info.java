/**
 * Internal: Reads a live throwable, its frames' recorded locals and their values into the model, without calling application code or taking an application monitor.
 *
 * <p>No compatibility promise. Public types here are public only for core's other packages; no
 * other module may use them (core's {@code ModuleBoundaryTest} fails when one does). Users go
 * through {@link dev.offlinedebug.OfflineDebug}, integrations through {@code dev.offlinedebug.spi}.
 */
package dev.offlinedebug.internal.capture;
