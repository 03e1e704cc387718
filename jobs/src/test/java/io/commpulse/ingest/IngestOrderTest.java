package io.commpulse.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The order in which a month's sources start: by landing bytes, largest first. */
class IngestOrderTest {
  @Test
  void theLargestSourceStartsFirstAndEqualSizesKeepTheirOrder() {
    Map<String, Long> bytes =
        Map.of("acknowledgements", 40L, "decisions", 1L, "roster", 40L, "tickets", 900L);
    assertEquals(
        List.of("tickets", "acknowledgements", "roster", "decisions"),
        BronzeIngest.largestFirst(
            List.of("acknowledgements", "decisions", "roster", "tickets"), bytes::get));
    assertEquals(
        List.of("tickets", "roster", "acknowledgements", "decisions"),
        BronzeIngest.largestFirst(
            List.of("roster", "decisions", "tickets", "acknowledgements"), bytes::get));
  }
}
