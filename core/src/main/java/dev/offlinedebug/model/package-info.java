/**
 * The read-only data of a dump: the exception graph, its frames, their local variables and the
 * captured values.
 *
 * <p>Every type here is immutable and holds plain data only: loading a dump never loads or runs a
 * class named in it. Values that were not captured are {@link dev.offlinedebug.model.OmittedValue}s
 * that say why.
 *
 * @since 0.1
 */
package dev.offlinedebug.model;
