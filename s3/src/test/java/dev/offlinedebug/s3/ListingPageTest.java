package dev.offlinedebug.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.utils.DateUtils;

/** The times of a listing read as the SDK reads them, whatever their form, and rejected as it rejects them. */
class ListingPageTest {
  @ParameterizedTest
  @ValueSource(strings = {"2026-12-03T08:24:00.000Z", "2026-12-03T08:24:00Z", "2024-02-29T23:59:59.999Z",
      "1970-01-01T00:00:00.000Z", "0001-01-01T00:00:00.001Z", "9999-12-31T23:59:59.999Z", "2026-12-03T08:24:00.1Z",
      "2026-12-03T08:24:00.123456Z", "2026-12-03T08:24:00.123456789Z", "2026-12-03T09:24:00.000+01:00",
      "2026-12-03T24:00:00.000Z", "2026-12-03T08:24:00.1234567891Z", "2026-12-03T08:24:00.Z", "2026-13-03T08:24:00.000Z",
      "2026-02-30T08:24:00.000Z", "2026-12-0xT08:24:00.000Z", "2026-12-03 08:24:00.000Z", "2026-12-03T08:24:00.00xZ",
      "2026-12-03T08:24:00z", ""})
  void time_sameAsTheSdksReading(String text) {
    assertEquals(outcome(DateUtils::parseIso8601Date, text), outcome(ListingPage::time, text));
  }

  /** The time read, or the class of the exception its reading threw. */
  private static Object outcome(Function<String, ?> reading, String text) {
    try {
      return reading.apply(text);
    } catch (RuntimeException e) {
      return e.getClass();
    }
  }
}
