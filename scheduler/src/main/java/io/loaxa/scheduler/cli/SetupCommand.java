package io.loaxa.scheduler.cli;

import io.loaxa.audio.SoundOutput;
import io.loaxa.devices.DeviceContext;
import io.loaxa.devices.RelayBoards;
import io.loaxa.scheduler.UserError;
import io.loaxa.scheduler.report.Language;
import io.loaxa.scheduler.setup.AnswersFile;
import io.loaxa.scheduler.setup.SerialPortList;
import io.loaxa.scheduler.setup.SetupAbandoned;
import io.loaxa.scheduler.setup.SetupWizard;
import io.loaxa.scheduler.setup.SoundOutputs;
import io.loaxa.scheduler.setup.StreamConsole;
import io.loaxa.scheduler.station.Station;
import io.loaxa.schedules.source.SourceException;
import io.loaxa.schedules.source.UnreadableFileException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loaxa setup}: the installer's wizard, at the terminal or from an answers file. */
@Command(name = "setup", mixinStandardHelpOptions = true,
    description = {"Cài đặt đài — the installer's wizard: station name, sound output and test tone, serial ports and",
        "relay boards (probed reading only), hamlets and amplifier, a line test, then the station config.",
        "Vietnamese by default, --lang en for English. Stop the service first: the wizard uses the ports."})
final class SetupCommand implements Callable<Integer> {
  static final Path INSTALLED = Path.of("/etc/loaxa/station.yaml");

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--answers", paramLabel = "FILE", description = "Unattended: take every answer from this YAML file (for a fleet).")
  Optional<Path> answers = Optional.empty();

  @Option(names = "--config", paramLabel = "STATION.yaml",
      description = "The station config to write (default: $LOAXA_CONFIG, else /etc/loaxa/station.yaml); the old one is kept as a backup.")
  Optional<Path> config = Optional.empty();

  @Option(names = "--lang", defaultValue = "vi", paramLabel = "vi|en", description = "Vietnamese (default) or English.")
  String lang;

  @Option(names = "--serial-links", paramLabel = "DIR", defaultValue = "/dev/serial", hidden = true,
      description = "Where the by-id and by-path folders are (default ${DEFAULT-VALUE}).")
  Path serialLinks;

  @Override
  public Integer call() {
    Language language = Language.parse(lang);
    PrintWriter out = spec.commandLine().getOut();
    Clock clock = Clock.systemUTC();
    DeviceContext devices = DeviceContext.real(clock);
    SoundOutputs sound = new SoundOutputs() {
      @Override
      public List<String> names() {
        return Station.soundOutputs();
      }

      @Override
      public SoundOutput named(String name) {
        return Station.soundOutput(name);
      }
    };
    SetupWizard.Parts parts = new SetupWizard.Parts(sound, new SerialPortList(serialLinks, Station::listedSerialPorts),
        devices, specs -> RelayBoards.openAll(specs, devices), clock);
    SetupWizard wizard = new SetupWizard(new StreamConsole(System.in, out), language, parts, target());
    try {
      if (answers.isPresent()) {
        wizard.unattended(AnswersFile.read(answers.get()));
      } else {
        wizard.interactive();
      }
    } catch (UnreadableFileException e) {
      throw new UserError(e.getMessage(), e);
    } catch (SourceException e) {
      throw new UserError(language.pick("tệp trả lời có lỗi, không ghi gì:\n", "the answers file has problems, nothing written:\n")
          + String.join("\n", e.problems().stream().map(Object::toString).toList()), e);
    } catch (SetupAbandoned e) {
      throw new UserError(language.pick("đã dừng cài đặt, không ghi gì", "setup stopped, nothing written"), e);
    }
    out.flush();
    return 0;
  }

  private Path target() {
    if (config.isPresent()) {
      return config.get();
    }
    String env = System.getenv("LOAXA_CONFIG");
    return env != null && !env.isBlank() ? Path.of(env) : INSTALLED;
  }
}
