package io.commpulse.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.junit.jupiter.api.Test;

/** Which figures of a restated month count as changed; rows are built by hand. */
class RestatementsTest {
  private static final TableContract SOCIAL = SchemaCatalog.get().table("gold.social_response");
  private static final Instant AT = Instant.parse("2026-12-02T00:00:00Z");

  @Test
  void onlyChangedFiguresAreRecordedWithBothVersions() {
    Restatements.Stored before =
        new Restatements.Stored(
            4,
            List.of(
                social("ALL", 4, 2, 0.5, "provisional"),
                social("weibo", 4, 2, 0.5, "provisional")));
    List<Row> after =
        List.of(social("ALL", 4, 0, 0.75, "final"), social("weibo", 4, 2, 0.5, "final"));
    List<Row> changes = Restatements.changes(SOCIAL, "2026-10", before, after, 9, AT);
    List<String> described = new ArrayList<>();
    for (Row c : changes) {
      described.add(
          c.getString(2) + " " + c.getString(3) + " " + c.getString(4) + "->" + c.getString(5));
      assertEquals(4L, c.getLong(6));
      assertEquals(9L, c.getLong(7));
      assertEquals("provisional", c.getString(8));
      assertEquals("final", c.getString(9));
    }
    // In the contract's column order; weibo changed only its state, which is not a figure.
    assertEquals(
        List.of("platform=ALL replied_24h_share 0.5->0.75", "platform=ALL pending 2->0"),
        described);
  }

  @Test
  void rowsThatAppearOrDisappearAreRecordedWhole() {
    Restatements.Stored before =
        new Restatements.Stored(1, List.of(social("weibo", 1, 0, 1.0, "final")));
    List<Row> changes =
        Restatements.changes(
            SOCIAL, "2026-10", before, List.of(social("douyin", 1, 0, 1.0, "final")), 2, AT);
    List<String> described = new ArrayList<>();
    for (Row c : changes) {
      described.add(
          c.getString(2) + " " + c.getString(3) + " " + c.getString(4) + "->" + c.getString(5));
    }
    assertEquals(
        List.of("platform=weibo * present->absent", "platform=douyin * absent->present"),
        described);
  }

  @Test
  void aMonthComputedForTheFirstTimeIsNoRestatement() {
    assertTrue(
        Restatements.changes(
                SOCIAL,
                "2026-10",
                new Restatements.Stored(3, List.of()),
                List.of(social("ALL", 1, 0, 1.0, "final")),
                4,
                AT)
            .isEmpty());
    assertTrue(Restatements.changes(SOCIAL, "2026-10", null, List.of(), 0, AT).isEmpty());
  }

  /** A gold.social_response row with the given figures, the other columns null. */
  private static Row social(
      String platform, long inbound, long pending, double share, String state) {
    Object[] values = new Object[SOCIAL.columns().size()];
    List<String> names = SOCIAL.columns().stream().map(c -> c.name()).toList();
    values[names.indexOf("month")] = "2026-10";
    values[names.indexOf("platform")] = platform;
    values[names.indexOf("inbound")] = inbound;
    values[names.indexOf("pending")] = pending;
    values[names.indexOf("replied_24h_share")] = share;
    values[names.indexOf("state")] = state;
    return new GenericRowWithSchema(values, SOCIAL.sparkSchema());
  }
}
