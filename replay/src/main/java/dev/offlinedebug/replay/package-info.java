/**
 * Replay: throwing a dump's rebuilt throwable through generated frames that carry the original
 * classes, methods, source files, lines and local variables, so that a debugger stopping on the
 * exception shows the original stack. Needs ASM ({@code org.ow2.asm:asm}) on the class path.
 *
 * <p>A dump is data, and may come from anyone: replay builds objects only of classes it generates
 * and of an allow-list of pure JDK value types (boxes, {@code BigDecimal}, {@code BigInteger},
 * {@code UUID}, {@code Date}, {@code java.time} values, constants of a few JDK enums) and JDK
 * collections and maps, each through code written for it. A value of any other type is shown as
 * its text or as a generated stand-in with its fields, so no class a dump names is initialised or
 * instantiated by replay (only {@code Dump.rebuild()} creates the throwable, as it documents).
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
