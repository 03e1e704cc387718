package io.commpulse.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every {@link GoldRow} record is its table's row exactly as the contract declares it. */
class GoldRowContractTest {
  private static final SchemaCatalog CATALOG = SchemaCatalog.get();

  @Test
  void everyGoldRowRecordMatchesItsContract() {
    Map<String, Class<?>> records = goldRows();
    assertEquals(
        CATALOG.layer("gold").stream().map(TableContract::qualifiedName).sorted().toList(),
        List.copyOf(records.keySet()),
        "one @GoldRow record per gold table");
    records.forEach(
        (table, type) -> {
          assertTrue(type.isRecord(), type + " is a record");
          @SuppressWarnings("unchecked")
          Class<? extends Record> record = (Class<? extends Record>) type;
          assertEquals(
              List.of(), ContractRows.differences(CATALOG.table(table), record), type.getName());
        });
  }

  @Test
  void namesFollowTheColumns() {
    assertEquals("replied24hShare", ContractRows.component("replied_24h_share"));
    assertEquals("ciLow", ContractRows.component("ci_low"));
    assertEquals("month", ContractRows.component("month"));
  }

  @Test
  void aRecordThatDriftsFromItsContractIsNamed() {
    TableContract table = CATALOG.table("gold.mistransmission");
    List<String> problems = ContractRows.differences(table, Drifted.class);
    assertTrue(problems.contains("2 components for 9 columns"), problems.toString());
    assertTrue(problems.contains("component 1 is dept, column is department"), problems.toString());
  }

  @Test
  void aNullableColumnNeedsABoxedComponent() {
    List<String> problems =
        ContractRows.differences(CATALOG.table("gold.mistransmission"), Primitive.class);
    assertTrue(
        problems.contains("rate: double where the contract needs Double"), problems.toString());
  }

  record Drifted(String month, String dept) {}

  record Primitive(
      String month,
      String department,
      long communications,
      long flagged,
      double rate,
      Double ciLow,
      Double ciHigh,
      double target,
      String status) {}

  /** The gold table of every record marked {@link GoldRow} in the jobs' main classes. */
  static Map<String, Class<?>> goldRows() {
    Map<String, Class<?>> found = new TreeMap<>();
    for (JavaClass c :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.commpulse")) {
      if (c.isAnnotatedWith(GoldRow.class)) {
        Class<?> type = c.reflect();
        Class<?> previous = found.put(type.getAnnotation(GoldRow.class).value(), type);
        assertEquals(
            null, previous, "two records for " + type.getAnnotation(GoldRow.class).value());
      }
    }
    return found;
  }
}
