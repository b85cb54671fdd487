package io.loaxa.hub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hub's adapters, one package per library, and the one-way rule, checked on the compiled code. */
class ArchitectureTest {
  private static JavaClasses hub;

  @BeforeAll
  static void importMainClasses() {
    hub = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("/test-classes/"))
        .importPackages("io.loaxa.hub");
  }

  @ParameterizedTest(name = "only {1} imports {0}")
  @CsvSource({
      "java.sql.., io.loaxa.hub.postgres..",
      "javax.sql.., io.loaxa.hub.postgres..",
      "org.postgresql.., io.loaxa.hub.postgres..",
      "com.zaxxer.., io.loaxa.hub.postgres..",
      "org.flywaydb.., io.loaxa.hub.postgres..",
      "org.eclipse.paho.., io.loaxa.hub.mqtt..",
      "com.fasterxml.jackson.., io.loaxa.hub.json..",
      "io.javalin.., io.loaxa.hub.web..",
      "picocli.., io.loaxa.hub.cli..",
      "org.apache.poi.., io.loaxa.hub.report.xlsx..",
      "java.security.., io.loaxa.hub.signing..",
  })
  void exactlyOnePackageImportsEachLibrary(String library, String adapter) {
    // the composition root names the adapters it builds, and the MQTT link trusts the broker's CA
    noClasses().that().resideOutsideOfPackage(adapter).and().doNotHaveFullyQualifiedName("io.loaxa.hub.HubDaemon")
        .and().resideOutsideOfPackage(library.startsWith("java.security") ? "io.loaxa.hub.mqtt.." : adapter)
        .should().dependOnClassesThat().resideInAPackage(library)
        .allowEmptyShould(true)
        .check(hub);
  }

  @Test
  void theHubNeverReachesTheTestRigsOrTheBenchmarks() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("io.loaxa.testkit..", "io.loaxa.bench..").check(hub);
  }

  @Test
  void theRootPackageHoldsPortsAndValuesThatNameNoAdapter() {
    noClasses().that().resideInAPackage("io.loaxa.hub").and().doNotHaveFullyQualifiedName("io.loaxa.hub.HubDaemon")
        .should().dependOnClassesThat().resideInAnyPackage("io.loaxa.hub.postgres..", "io.loaxa.hub.mqtt..",
            "io.loaxa.hub.json..", "io.loaxa.hub.web..", "io.loaxa.hub.cli..", "io.loaxa.hub.report.xlsx..")
        .check(hub);
  }
}
