package io.loaxa.scheduler;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The one-way module rule and one adapter package per third-party library, checked on the compiled code. */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        // sibling modules arrive as target/classes in the test phase and as jars in verify
        .withImportOption(location -> !location.contains("/test-classes/") && !location.contains("-tests.jar"))
        // the test rigs are not the product; what the product would take from them is still seen as a dependency
        .withImportOption(location -> !location.contains("/testkit/") && !location.contains("loaxa-testkit"))
        .importPackages("io.loaxa");
  }

  @ParameterizedTest(name = "{0} is on the checked classpath")
  @CsvSource({"io.loaxa.schedules", "io.loaxa.audio", "io.loaxa.devices", "io.loaxa.scheduler"})
  void everyModuleIsChecked(String module) {
    org.junit.jupiter.api.Assertions.assertTrue(
        classes.stream().anyMatch(c -> c.getPackageName().startsWith(module)), module + " classes imported");
  }

  @ParameterizedTest(name = "{0} depends on no sibling")
  @CsvSource({
      "io.loaxa.schedules, io.loaxa.audio, io.loaxa.devices, io.loaxa.scheduler",
      "io.loaxa.audio, io.loaxa.schedules, io.loaxa.devices, io.loaxa.scheduler",
      "io.loaxa.devices, io.loaxa.schedules, io.loaxa.audio, io.loaxa.scheduler",
  })
  void noModuleDependsOnASibling(String module, String a, String b, String c) {
    noClasses().that().resideInAPackage(module + "..")
        .should().dependOnClassesThat().resideInAnyPackage(a + "..", b + "..", c + "..")
        .check(classes);
  }

  @ParameterizedTest(name = "only {1} imports {0}")
  @CsvSource({
      "org.quartz.., io.loaxa.scheduler.quartz..",
      "javax.sound.., io.loaxa.audio.javasound..",
      "com.fazecast.., io.loaxa.devices.serial..",
      "java.sql.., io.loaxa.scheduler.sqlite..",
      "org.sqlite.., io.loaxa.scheduler.sqlite..",
      "org.flywaydb.., io.loaxa.scheduler.sqlite..",
      "org.snakeyaml.., io.loaxa.schedules.yaml..",
      "org.dmfs.., io.loaxa.schedules.ical..",
      "picocli.., io.loaxa.scheduler.cli..",
      "com.sun.net.httpserver.., io.loaxa.scheduler.web..",
      "io.javalin.., io.loaxa.scheduler.web..",
      "org.eclipse.jetty.., io.loaxa.scheduler.web..",
      "jakarta.servlet.., io.loaxa.scheduler.web..",
      "com.fasterxml.jackson.., io.loaxa.scheduler.web..",
      "org.springframework.., io.loaxa.scheduler.crypto..",
      "org.bouncycastle.., io.loaxa.scheduler.crypto..",
      "org.apache.poi.., io.loaxa.scheduler.report.xlsx..",
      "org.apache.xmlbeans.., io.loaxa.scheduler.report.xlsx..",
      "org.openxmlformats.., io.loaxa.scheduler.report.xlsx..",
      "com.lowagie.., io.loaxa.scheduler.report.pdf..",
      "jakarta.mail.., io.loaxa.scheduler.mail..",
      "org.eclipse.angus.., io.loaxa.scheduler.mail..",
      "org.eclipse.paho.., io.loaxa.scheduler.mqtt..",
      "com.sun.speech.., io.loaxa.audio.freetts..",
      "com.jcraft.., io.loaxa.audio.jorbis..",
      "org.jflac.., io.loaxa.audio.jflac..",
  })
  void exactlyOnePackageImportsEachThirdPartyLibrary(String library, String adapter) {
    noClasses().that().resideOutsideOfPackage(adapter)
        .should().dependOnClassesThat().resideInAPackage(library)
        .allowEmptyShould(true)
        .check(classes);
  }

  /** Technology adapters: only the composition root builds them, so only it may import them. */
  @ParameterizedTest(name = "only the composition root imports the adapter {0}")
  @CsvSource({
      "io.loaxa.scheduler.sqlite..", "io.loaxa.scheduler.quartz..", "io.loaxa.scheduler.web..", "io.loaxa.scheduler.crypto..",
      "io.loaxa.scheduler.systemd..", "io.loaxa.scheduler.report.xlsx..", "io.loaxa.scheduler.report.pdf..",
      "io.loaxa.scheduler.mqtt..", "io.loaxa.audio.javasound..", "io.loaxa.audio.espeak..", "io.loaxa.audio.freetts..", "io.loaxa.audio.command..",
      "io.loaxa.audio.jflac..", "io.loaxa.audio.jorbis..", "io.loaxa.audio.stream..", "io.loaxa.audio.simulated..",
      "io.loaxa.devices.serial..", "io.loaxa.devices.modbus..", "io.loaxa.devices.lcus..", "io.loaxa.devices.numato..",
      "io.loaxa.devices.kmtronic..", "io.loaxa.devices.dtrrts..", "io.loaxa.devices.simulated..",
  })
  void onlyTheCompositionRootImportsAnAdapter(String adapter) {
    noClasses().that().resideInAPackage("io.loaxa.scheduler..")
        .and().resideOutsideOfPackages("io.loaxa.scheduler.station..", adapter)
        .should().dependOnClassesThat().resideInAPackage(adapter)
        .check(classes);
  }

  @Test
  void theStationIsAskedOnlyByTheCommandLine() {
    noClasses().that().resideInAPackage("io.loaxa.scheduler..")
        .and().resideOutsideOfPackages("io.loaxa.scheduler.station..", "io.loaxa.scheduler.cli..")
        .should().dependOnClassesThat().resideInAPackage("io.loaxa.scheduler.station..")
        .check(classes);
  }

  /** Test rigs and benchmarks stay out of the product: the station runs without either module. */
  @ParameterizedTest(name = "no product module depends on {0}")
  @CsvSource({"io.loaxa.testkit..", "io.loaxa.bench.."})
  void noProductModuleDependsOnTheTestkitOrTheBenches(String module) {
    noClasses().that().resideInAnyPackage("io.loaxa.schedules..", "io.loaxa.audio..", "io.loaxa.devices..", "io.loaxa.scheduler..")
        .should().dependOnClassesThat().resideInAPackage(module)
        .check(classes);
  }

  @Test
  void theCommandLineNeverOpensTheDatabaseItself() {
    noClasses().that().resideInAPackage("io.loaxa.scheduler.cli..")
        .should().dependOnClassesThat().resideInAnyPackage("io.loaxa.scheduler.sqlite..", "java.sql..")
        .check(classes);
  }

  @Test
  void schedulersRootPackageHoldsOnlyPortsAndValues() {
    classes().that().resideInAPackage("io.loaxa.scheduler")
        .should(new com.tngtech.archunit.lang.ArchCondition<JavaClass>("be an interface, a record, an enum or an exception") {
          @Override
          public void check(JavaClass c, com.tngtech.archunit.lang.ConditionEvents events) {
            boolean portOrValue = c.isInterface() || c.isRecord() || c.isEnum() || Throwable.class.isAssignableFrom(c.reflect())
                || c.getSimpleName().equals("package-info") || c.getEnclosingClass().isPresent();
            if (!portOrValue) {
              events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(c, c.getName() + " is neither a port nor a value"));
            }
          }
        })
        .check(classes);
  }

  @Test
  void theReportModelKnowsNoFileFormatStoreOrCommandLine() {
    noClasses().that().resideInAPackage("io.loaxa.scheduler.report")
        .should().dependOnClassesThat().resideInAnyPackage("io.loaxa.scheduler.report.xlsx..",
            "io.loaxa.scheduler.report.pdf..", "io.loaxa.scheduler.sqlite..", "io.loaxa.scheduler.cli..")
        .check(classes);
  }

  @Test
  void everyPackageSaysWhatItIsInStationTerms() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    List<String> missing = new ArrayList<>();
    for (String module : List.of("schedules", "audio", "devices", "scheduler")) {
      Path src = root.resolve(module).resolve("src/main/java");
      try (Stream<Path> dirs = Files.walk(src)) {
        for (Path dir : dirs.filter(Files::isDirectory).toList()) {
          boolean hasJava;
          try (Stream<Path> files = Files.list(dir)) {
            hasJava = files.anyMatch(f -> f.toString().endsWith(".java"));
          }
          if (hasJava && !Files.exists(dir.resolve("package-info.java"))) {
            missing.add(root.relativize(dir).toString());
          }
        }
      }
    }
    assertEquals(List.of(), missing, "packages without package-info.java");
  }
}
