package dev.offlinedebug.cli;

/** The values of {@code --color}. */
enum ColorMode {
  AUTO,
  ALWAYS,
  NEVER
}
