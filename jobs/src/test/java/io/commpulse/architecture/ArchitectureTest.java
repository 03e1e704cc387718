package io.commpulse.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.commpulse.schema.KpiComparator;
import io.commpulse.schema.KpiRegistry;
import io.commpulse.scorecard.KpiStatus;
import io.commpulse.stats.Interval;

/**
 * The package layers, bottom-up: foundation (errors, stats, spark, schema, text) -> lake -> ingest,
 * silver and the landing tools -> metrics -> gold -> report and catalog -> cli. A package may use
 * the layers below it only.
 */
@AnalyzeClasses(packages = "io.commpulse", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final String[] METRICS = {
    "io.commpulse.metrics..",
    "io.commpulse.scorecard..",
    "io.commpulse.commlog..",
    "io.commpulse.coverage..",
    "io.commpulse.customers..",
    "io.commpulse.experiments..",
    "io.commpulse.feedback..",
    "io.commpulse.social..",
    "io.commpulse.surveys..",
    "io.commpulse.tickets.."
  };

  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("io.commpulse.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule layers =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("foundation")
          .definedBy(
              "io.commpulse.errors..",
              "io.commpulse.stats..",
              "io.commpulse.spark..",
              "io.commpulse.schema..",
              "io.commpulse.text..")
          .layer("lake")
          .definedBy("io.commpulse.lake..", "io.commpulse.ops..")
          .layer("landing tools")
          .definedBy("io.commpulse.generate..", "io.commpulse.imports..")
          .layer("ingest")
          .definedBy("io.commpulse.ingest..")
          .layer("silver")
          .definedBy("io.commpulse.silver..")
          .layer("metrics")
          .definedBy(METRICS)
          .layer("gold")
          .definedBy("io.commpulse.gold..")
          .layer("report")
          .definedBy("io.commpulse.report..")
          .layer("catalog")
          .definedBy("io.commpulse.catalog..")
          .layer("cli")
          .definedBy("io.commpulse.cli..")
          .whereLayer("cli")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("catalog")
          .mayOnlyBeAccessedByLayers("cli")
          .whereLayer("report")
          .mayOnlyBeAccessedByLayers("cli")
          .whereLayer("gold")
          .mayOnlyBeAccessedByLayers("cli")
          .whereLayer("metrics")
          .mayOnlyBeAccessedByLayers("gold", "report", "cli")
          .whereLayer("silver")
          .mayOnlyBeAccessedByLayers("cli")
          .whereLayer("ingest")
          .mayOnlyBeAccessedByLayers("cli")
          .whereLayer("landing tools")
          .mayOnlyBeAccessedByLayers("cli")
          .whereLayer("lake")
          .mayOnlyBeAccessedByLayers(
              "ingest", "silver", "metrics", "gold", "report", "catalog", "cli");

  /**
   * Gold stores each row's status and target; the report shows them and does not judge KPIs itself.
   */
  @ArchTest
  static final ArchRule reportDoesNotJudgeKpis =
      noClasses()
          .that()
          .resideInAPackage("io.commpulse.report..")
          .should()
          .callMethod(
              KpiStatus.class,
              "evaluate",
              KpiComparator.class,
              Double.class,
              Double.class,
              Interval.class)
          .orShould()
          .callMethod(
              KpiStatus.class, "codeFor", KpiRegistry.Kpi.class, Double.class, Interval.class)
          .orShould()
          .callMethod(KpiRegistry.class, "target", String.class)
          .because("the report reads KPI status and targets from gold");

  /**
   * The appendix words each KPI's definition and target from the registry; nothing else in the
   * report reads it.
   */
  @ArchTest
  static final ArchRule onlyTheAppendixReadsRegistryTargets =
      noClasses()
          .that()
          .resideInAPackage("io.commpulse.report..")
          .and()
          .doNotHaveSimpleName("KpiDefinitions")
          .should()
          .callMethod(KpiRegistry.Kpi.class, "target")
          .because("monthly targets come from the gold rows they were judged against");
}
