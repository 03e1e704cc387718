package io.commpulse.lake;

import static io.commpulse.testing.Frames.frame;
import static io.commpulse.testing.Frames.rec;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import io.commpulse.testing.TestSpark;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whether a month was ever written is answered from the lake's folders, before any read. */
class LakeMonthWrittenTest {
  private static final TableContract TABLE = SchemaCatalog.get().table("gold.social_response");

  @Test
  void onlyAMonthThatWasWrittenCounts() {
    Lake lake = new Lake(TestSpark.session(), TestSpark.tempDir("lake-month-written").toString());
    assertFalse(lake.monthEverWritten(TABLE, "2026-10"), "the table does not exist yet");

    lake.replaceMonth(
        TABLE,
        frame(
            TABLE,
            List.of(
                rec(
                    "month",
                    "2026-10",
                    "platform",
                    "ALL",
                    "inbound",
                    4L,
                    "replied",
                    4L,
                    "replied_24h",
                    4L,
                    "negative_inbound",
                    0L))),
        "2026-10");

    assertTrue(lake.monthEverWritten(TABLE, "2026-10"));
    assertFalse(lake.monthEverWritten(TABLE, "2026-09"), "a month before the one written");
    assertFalse(lake.monthEverWritten(TABLE, "2026-11"), "a month after the one written");
  }
}
