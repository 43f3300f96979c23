/**
 * What the optional modules of offline-debug plug into core. Users do not call these types; they
 * add the module ({@code offline-debug-replay}, ...) to their class path.
 */
package dev.offlinedebug.spi;
