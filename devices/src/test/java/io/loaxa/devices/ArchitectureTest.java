package io.loaxa.devices;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The shape the devices module keeps: one package per library, time from the injected clock. */
class ArchitectureTest {
  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages("io.loaxa.devices");

  @Test
  void onlyTheSerialPackageTouchesJSerialComm() {
    noClasses().that().resideOutsideOfPackage("io.loaxa.devices.serial..")
        .should().dependOnClassesThat().resideInAPackage("com.fazecast..").check(MAIN);
  }

  @Test
  void devicesKnowsNothingOfTheOtherModules() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("io.loaxa.schedules..", "io.loaxa.audio..", "io.loaxa.scheduler..").check(MAIN);
  }

  @Test
  void onlyThePausePortSleeps() {
    noClasses().that().doNotHaveSimpleName("SleepingPause")
        .should().callMethod(Thread.class, "sleep", long.class)
        .orShould().callMethod(Thread.class, "sleep", long.class, int.class).check(MAIN);
  }

  @Test
  void timeComesFromTheInjectedClock() {
    noClasses().should().callMethod(java.time.Instant.class, "now")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(java.time.Clock.class, "systemUTC")
        .orShould().callMethod(java.time.Clock.class, "systemDefaultZone").check(MAIN);
  }

  @Test
  void everyPackageSaysWhatItIsInStationTerms() throws IOException {
    Path root = Path.of("src/main/java/io/loaxa/devices");
    List<Path> packages;
    try (Stream<Path> dirs = Files.walk(root)) {
      packages = dirs.filter(Files::isDirectory).toList();
    }
    for (Path dir : packages) {
      assertTrue(Files.exists(dir.resolve("package-info.java")), dir + " has no package-info.java");
    }
  }
}
