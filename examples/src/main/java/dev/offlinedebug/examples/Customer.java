package dev.offlinedebug.examples;

/** A shop customer; {@code password} is there to show that dumps redact it. */
record Customer(String id, String name, String email, String password) {}
