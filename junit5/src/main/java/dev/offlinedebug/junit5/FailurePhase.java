package dev.offlinedebug.junit5;

/** Where in a test's life a failure was thrown: recorded in the dump as attribute {@code test.phase}. */
enum FailurePhase {
  BEFORE_ALL("beforeAll", "@BeforeAll method"),
  BEFORE_EACH("beforeEach", "@BeforeEach method"),
  TEST("test", "test"),
  AFTER_EACH("afterEach", "@AfterEach method"),
  AFTER_ALL("afterAll", "@AfterAll method");

  /** The attribute value. */
  final String attribute;

  /** How the dump's message names the failing part. */
  final String description;

  FailurePhase(String attribute, String description) {
    this.attribute = attribute;
    this.description = description;
  }
}
