/**
 * Replay: throwing a dump's rebuilt throwable through generated frames that carry the original
 * classes, methods, source files, lines and local variables, so that a debugger stopping on the
 * exception shows the original stack. Needs ASM ({@code org.ow2.asm:asm}) on the class path.
 *
 * <ul>
 *   <li>{@link dev.offlinedebug.replay.Replayer}: replays in the calling thread (what {@link
 *       dev.offlinedebug.OfflineDebug#replay} does).
 *   <li>{@link dev.offlinedebug.replay.ReplayLauncher}: starts a replay JVM suspended under a JDWP
 *       server for jdb, IntelliJ or VS Code to attach to; it runs {@link
 *       dev.offlinedebug.replay.ReplayMain}.
 * </ul>
 *
 * @since 0.1
 */
package dev.offlinedebug.replay;
