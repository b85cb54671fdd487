package io.loaxa.bench.devices;

import io.loaxa.testkit.PtyPair;
import io.loaxa.testkit.PeerProcess;

import io.loaxa.devices.DeviceException;
import io.loaxa.devices.ForwardingSerialLine;
import io.loaxa.devices.Pause;
import io.loaxa.devices.RelayBoard;
import io.loaxa.devices.RelayChannel;
import io.loaxa.devices.SerialLine;
import io.loaxa.devices.SerialSettings;
import io.loaxa.devices.SwitchPolicy;
import io.loaxa.devices.SwitchResult;
import io.loaxa.devices.Switchboard;
import io.loaxa.devices.ZoneLine;
import io.loaxa.devices.modbus.ModbusCoilBoard;
import io.loaxa.devices.modbus.ModbusFrames;
import io.loaxa.devices.serial.JSerialCommPorts;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * How fast the switchboard switches and confirms 1, 8 and 16 hamlet lines on a {@code modbus-rtu}
 * board at 9600 baud, against the physical limit of the wire measured in the same run.
 *
 * <p>The board is an independent Modbus slave (Debian's python3-pymodbus) on the far end of a socat
 * pty pair. A pty moves bytes at once whatever the baud rate, so the slave holds each reply back for
 * the time its request and reply need on a real 9600 line: the measured time is then the wire time
 * plus everything loaxa, the slave and the operating system add. The wire limit is the least traffic
 * that can switch and confirm n coils: one write (FC05 for one, FC15 for several) and one FC01 read,
 * requests and replies, at 10 bits a byte.
 */
public final class SwitchingBench {
  public static final int BAUD = 9600;
  private static final int BOARD_CHANNELS = 16;

  /** One line of the result table. */
  public record Row(int zones, int frames, int wireBytes, double wireMillis, double medianMillis, double p90Millis) {
    public double ratio() {
      return medianMillis / wireMillis;
    }
  }

  private SwitchingBench() {}

  public static void main(String[] args) throws Exception {
    run(System.out, 30);
  }

  /**
   * Runs the benchmark and prints its table.
   *
   * @param rounds timed switch-ons per row (each followed by an untimed switch-off)
   * @throws IllegalStateException when socat or python3-pymodbus is missing
   */
  public static List<Row> run(PrintStream out, int rounds) throws IOException, DeviceException {
    PrintWriter writer = new PrintWriter(out, true);
    List<Row> rows = run(writer, rounds);
    writer.flush();
    return rows;
  }

  /** As {@link #run(PrintStream, int)}, printing to a writer (the command line's). */
  public static List<Row> run(PrintWriter out, int rounds) throws IOException, DeviceException {
    for (String tool : List.of("/usr/bin/socat", PeerProcess.PYTHON)) {
      if (!Files.isExecutable(Path.of(tool))) {
        throw new IllegalStateException(tool + " is needed for this benchmark (apt-get install socat python3-pymodbus python3-serial-asyncio)");
      }
    }
    Path dir = Files.createTempDirectory("loaxa-bench-relays");
    Clock clock = Clock.systemUTC();
    Pause pause = Pause.sleeping();
    List<Row> rows = new ArrayList<>();
    try (PtyPair pty = PtyPair.start(dir);
        PeerProcess slave = PeerProcess.start("modbus-slave", PeerProcess.script("/io/loaxa/testkit/modbus_slave.py", dir),
            dir.resolve("slave.log"), pty.b().toString(), "1", Integer.toString(BOARD_CHANNELS), Integer.toString(BAUD),
            "paced")) {
      SerialSettings settings = new SerialSettings(BAUD, 8, SerialSettings.Parity.NONE, 1);
      CountingLine line = new CountingLine(new JSerialCommPorts().open(pty.a().toString(), settings));
      RelayBoard board = new ModbusCoilBoard("bench", BOARD_CHANNELS, line, settings, 1, 0, Duration.ofMillis(500),
          Duration.ZERO, true, clock, pause);
      List<ZoneLine> zones = IntStream.rangeClosed(1, BOARD_CHANNELS)
          .mapToObj(n -> new ZoneLine(String.format("ap-%02d", n), "bench", new RelayChannel(n))).toList();
      try (Switchboard switchboard = new Switchboard(List.of(board), Optional.empty(), zones,
          SwitchPolicy.DEFAULT.withAttempts(1), clock, pause)) {
        switchboard.allOff();
        for (int n : new int[] {1, 8, 16}) {
          List<String> keys = zones.subList(0, n).stream().map(ZoneLine::zoneKey).toList();
          double[] millis = new double[rounds];
          int frames = 0;
          for (int round = -3; round < rounds; round++) {
            int before = line.writes;
            long start = System.nanoTime();
            SwitchResult on = switchboard.zonesOn(keys);
            long took = System.nanoTime() - start;
            frames = Math.max(frames, line.writes - before);
            if (on.confirmed().size() != n) {
              throw new IllegalStateException("switching " + n + " zones confirmed only " + on.confirmed()
                  + ", failed " + on.failed());
            }
            if (round >= 0) {
              millis[round] = took / 1e6;
            }
            switchboard.zonesOff(keys);
          }
          Arrays.sort(millis);
          int wire = wireBytes(n);
          rows.add(new Row(n, frames, wire, wire * 10.0 * 1000 / BAUD, millis[rounds / 2],
              millis[Math.min(rounds - 1, (int) Math.ceil(rounds * 0.9) - 1)]));
        }
      }
      String coils = slave.ask("coils");
      if (!coils.equals("coils " + "0".repeat(BOARD_CHANNELS))) {
        throw new IllegalStateException("the slave's coils are not all off after the run: " + coils);
      }
    } finally {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(dir);
    }
    print(out, rows);
    return rows;
  }

  /** Bytes on the wire, requests and replies, for the least traffic that switches and confirms n coils. */
  static int wireBytes(int n) {
    byte[] write = n == 1 ? ModbusFrames.writeSingleCoil(1, 0, true) : ModbusFrames.writeMultipleCoils(1, 0, new boolean[n]);
    byte[] read = ModbusFrames.readCoils(1, 0, n);
    int total = write.length + ModbusFrames.replyLength(write) + read.length + ModbusFrames.replyLength(read);
    return total;
  }

  /** Counts the requests the switchboard sends. */
  private static final class CountingLine extends ForwardingSerialLine {
    private volatile int writes;

    CountingLine(SerialLine line) {
      super(line);
    }

    @Override
    public void write(byte[] bytes) throws DeviceException {
      writes++;
      super.write(bytes);
    }
  }

  static void print(PrintWriter out, List<Row> rows) {
    out.println("Switch and confirm n zones, modbus-rtu at " + BAUD + " baud over a pty, pymodbus slave paced to the wire");
    out.printf("%6s %7s %10s %9s %11s %8s %7s%n", "zones", "frames", "wire bytes", "wire ms", "median ms", "p90 ms", "ratio");
    for (Row r : rows) {
      out.printf("%6d %7d %10d %9.1f %11.1f %8.1f %6.2fx%n", r.zones(), r.frames(), r.wireBytes(), r.wireMillis(),
          r.medianMillis(), r.p90Millis(), r.ratio());
    }
    out.println("ratio = median / wire time (target <= 1.50x)");
  }
}
