package io.loaxa.scheduler.station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.scheduler.TestStations;
import io.loaxa.scheduler.config.HubConfig;
import io.loaxa.scheduler.config.StationConfig;
import io.loaxa.scheduler.mqtt.HubListener;
import io.loaxa.scheduler.uplink.HubSigner;
import io.loaxa.testkit.Eventually;
import io.loaxa.testkit.Integration;
import io.loaxa.testkit.Mosquitto;
import io.loaxa.testkit.PulseAudioSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon as {@code loaxa run} starts it with a {@code hub:} block, against a private Mosquitto:
 * it says it is online and how it is, and an emergency the hub signs and sends through the broker
 * airs on the station (simulated board, the test's sound card) and comes back as received, its run,
 * and aired. Without the block nothing of the link starts.
 */
@Integration
class HubLinkedDaemonTest {
  private static final String ME = "tan-hung";

  @TempDir
  Path dir;


  @Test
  void anEmergencySignedByTheHubAirsAndComesBackReceivedRunAndAired() throws Exception {
    Mosquitto.require();
    PulseAudioSink.ensureRunning();
    HubSigner signer = new HubSigner();
    try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"), "hub-secret");
        HubListener hub = new HubListener(broker.url(), broker.caFile(), "hub-secret")) {
      broker.addUser(ME, "tram-xa-9");
      Files.writeString(dir.resolve("hub.secret"), "tram-xa-9\n");
      StationConfig config = TestStations.config(Duration.ZERO).withHub(new HubConfig(broker.url(), ME,
          signer.writePublic(dir.resolve("hub.pub")), broker.caFile(), dir.resolve("hub.secret"),
          HubConfig.Bulletins.REVIEW));
      try (StationDaemon daemon = StationDaemon.assemble(config, dir.resolve("data"))) {
        daemon.start();
        Eventually.within(Duration.ofSeconds(30), () -> hub.on("/" + ME + "/online").stream().anyMatch(h -> h.body().contains("\"online\":true")),
            () -> "online: " + hub.heard());
        Eventually.within(Duration.ofSeconds(30), () -> !hub.on("/" + ME + "/health").isEmpty(), "a health snapshot");
        String health = hub.on("/" + ME + "/health").get(0).body();
        assertTrue(health.contains("\"name\":\"Đài truyền thanh xã Thử\"") && health.contains("\"key\":\"ap-4\"")
            && health.contains("\"boards\":[{\"name\":\"tu-chinh\",\"ok\":true") && health.contains("\"outboxSeq\":"),
            health);

        byte[] audio = HubSigner.wav(1.5);
        Instant now = Clock.systemUTC().instant();
        String payload = HubSigner.command(ME, 1, "emergency", now, now.plus(Duration.ofHours(1)), "[\"ap-1\",\"ap-2\"]",
            "\"audio\":{\"name\":\"bao-so-9.wav\",\"sha256\":\"" + HubSigner.sha256(audio) + "\",\"data\":\""
                + Base64.getEncoder().encodeToString(audio) + "\"}");
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(payload);
        assertTrue(id.find());
        hub.send("loaxa/v1/hub/" + ME + "/command", signer.envelope(payload));
        Eventually.within(Duration.ofSeconds(60), () -> hub.on("/" + ME + "/ack").stream().anyMatch(h -> h.body().contains("\"state\":\"aired\"")),
            () -> "aired: " + hub.heard());
        List<String> acks = hub.on("/" + ME + "/ack").stream().map(HubListener.Heard::body).toList();
        assertEquals(2, acks.size(), acks.toString());
        assertTrue(acks.get(0).contains("\"command\":\"" + id.group(1) + "\"") && acks.get(0).contains("\"state\":\"received\""),
            acks.get(0));
        assertTrue(acks.get(1).contains("\"outcome\":\"COMPLETED\""), acks.get(1));
        List<String> runs = hub.on("/" + ME + "/run").stream().map(HubListener.Heard::body).toList();
        assertEquals(1, runs.size(), runs.toString());
        assertTrue(runs.get(0).contains("\"hubCommand\":\"" + id.group(1) + "\"") && runs.get(0).contains("\"priority\":\"EMERGENCY\"")
            && runs.get(0).contains("\"zonesConfirmed\":[\"ap-1\",\"ap-2\"]"), runs.get(0));
      }
      Eventually.within(Duration.ofSeconds(20), () -> hub.on("/" + ME + "/online").stream().anyMatch(h -> h.body().contains("\"online\":false")),
          "offline once the daemon stopped");
    }
  }
}
