package io.loaxa.audio.speech;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The speech packages keep to their lanes: one library per adapter, no sound API outside javasound. */
class SpeechArchitectureTest {
  private static final JavaClasses AUDIO = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.loaxa.audio");

  @Test
  void onlyTheFreettsPackageUsesFreetts() {
    noClasses().that().resideOutsideOfPackage("io.loaxa.audio.freetts..")
        .should().dependOnClassesThat().resideInAnyPackage("com.sun.speech..", "de.dfki..", "javax.speech..")
        .check(AUDIO);
  }

  @Test
  void speechCodeNeverTouchesTheSoundApi() {
    noClasses().that().resideInAnyPackage("io.loaxa.audio.speech..", "io.loaxa.audio.espeak..", "io.loaxa.audio.freetts..",
            "io.loaxa.audio.command..")
        .should().dependOnClassesThat().resideInAnyPackage("javax.sound..")
        .check(AUDIO);
  }

  @Test
  void theNormaliserAndRendererDoNotKnowTheEngines() {
    noClasses().that().resideInAPackage("io.loaxa.audio.speech..")
        .should().dependOnClassesThat().resideInAnyPackage("io.loaxa.audio.espeak..", "io.loaxa.audio.freetts..",
            "io.loaxa.audio.command..")
        .check(AUDIO);
  }
}
