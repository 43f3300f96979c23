package dev.offlinedebug.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusReportsTest {
  private final List<String> lines = new ArrayList<>();
  private final StatusReports reports = new StatusReports("OfflineDebug appender 'Dumps'", (m, c) -> lines.add(m));

  @Test
  void report_sameMessageOncePerInterval_otherMessagesPass() {
    reports.report("disk full", null);
    reports.report("disk full", null);
    reports.report("bad option", null);

    assertEquals(List.of("OfflineDebug appender 'Dumps': disk full", "OfflineDebug appender 'Dumps': bad option"),
        lines);
  }

  @Test
  void problem_reportedOnceThenClearedWithItsCount() {
    reports.problem("write", "cannot write", null);
    reports.problem("write", "cannot write", null);
    reports.problem("write", "cannot write", null);
    reports.cleared("write", "writing works again");
    reports.cleared("write", "writing works again");

    assertEquals(List.of("OfflineDebug appender 'Dumps': cannot write",
        "OfflineDebug appender 'Dumps': writing works again after 3 failed attempts"), lines);
  }

  @Test
  void problem_clearedAfterOneFailure_saysOneFailedAttempt() {
    reports.problem("write", "cannot write", null);
    reports.cleared("write", "writing works again");

    assertEquals("OfflineDebug appender 'Dumps': writing works again after 1 failed attempt", lines.get(1));
  }

  @Test
  void notice_reportedEveryTime() {
    reports.notice("directory recreated");
    reports.notice("directory recreated");

    assertEquals(2, lines.size());
  }

  @Test
  void report_manyDistinctMessagesKeepBoundedMemoryAndTheOldestMayRepeat() {
    for (int i = 0; i <= StatusReports.MAX_MESSAGES; i++) {
      reports.report("message " + i, null);
    }
    reports.report("message 0", null);

    assertEquals(StatusReports.MAX_MESSAGES + 2, lines.size());
  }

  @Test
  void report_listenerThatThrowsIsContained() {
    StatusReports failing = new StatusReports("x", (m, c) -> {
      throw new IllegalStateException("broken channel");
    });

    failing.report("anything", null);
    failing.problem("k", "anything", null);
  }
}
