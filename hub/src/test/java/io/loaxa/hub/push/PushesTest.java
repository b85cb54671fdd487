package io.loaxa.hub.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.hub.Bodies;
import io.loaxa.hub.Command;
import io.loaxa.hub.CommandState;
import io.loaxa.hub.HubPostgres;
import io.loaxa.hub.Outbound;
import io.loaxa.hub.Push;
import io.loaxa.hub.StationKey;
import io.loaxa.hub.json.HubJson;
import io.loaxa.hub.signing.CommandSigner;
import io.loaxa.hub.signing.HubKeys;
import io.loaxa.scheduler.UserError;
import io.loaxa.testkit.Integration;
import io.loaxa.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Integration
class PushesTest {
  static final Instant T = Instant.parse("2026-12-07T01:00:00Z");
  static HubPostgres pg;
  static MutableClock clock;
  static PublicKey hubKey;
  static Pushes pushes;
  static Dispatch dispatch;
  static final RecordingOutbound out = new RecordingOutbound();
  @TempDir
  static Path keys;

  /**
   * Remembers every envelope handed to the broker and each batch sent together; refuses all while
   * {@code away}, and those for the stations in {@code refused}.
   */
  static final class RecordingOutbound implements Outbound {
    final List<Map.Entry<StationKey, String>> sent = new ArrayList<>();
    final List<List<StationKey>> waves = new ArrayList<>();
    final java.util.Set<StationKey> refused = java.util.concurrent.ConcurrentHashMap.newKeySet();
    volatile boolean away;

    @Override
    public synchronized boolean send(StationKey station, byte[] envelope) {
      if (away || refused.contains(station)) {
        return false;
      }
      sent.add(Map.entry(station, new String(envelope, StandardCharsets.UTF_8)));
      return true;
    }

    @Override
    public synchronized List<Boolean> sendAll(List<Envelope> envelopes) {
      waves.add(envelopes.stream().map(Envelope::station).toList());
      return Outbound.super.sendAll(envelopes);
    }
  }

  @BeforeAll
  static void start() throws Exception {
    pg = HubPostgres.start();
    pg.stations(T, "tan-hung", "Tân Hưng", "binh-an", "Tân Hưng", "my-loc", "Mỹ Lộc");
    HubKeys.generate(keys);
    hubKey = HubKeys.readPublic(keys.resolve(HubKeys.PUBLIC));
    clock = new MutableClock(T);
    dispatch = new Dispatch(pg.store, out, clock);
    pushes = new Pushes(pg.store, new CommandSigner(HubKeys.readPrivate(keys.resolve(HubKeys.PRIVATE))), dispatch, clock);
  }

  @AfterAll
  static void stop() {
    dispatch.close();
    pg.close();
  }

  static PushRequest emergency(Push.Targets to) {
    return new PushRequest(Command.Type.EMERGENCY, "EMERGENCY", "Cảnh báo bão số 9", "", "Bão số 9 đổ bộ chiều nay.", to,
        Optional.empty(), Optional.of(30), Optional.of(T.plusSeconds(6 * 3600)), Optional.empty());
  }

  static Map<String, Object> verified(String envelope) {
    HubJson.Envelope e = HubJson.readEnvelope(envelope);
    assertTrue(HubKeys.verify(hubKey, e.payload(), e.sig()), "the signature verifies with hub.pub");
    return HubJson.tree(e.payload());
  }

  @Test
  void anEmergencyToOneCommuneIsOneSignedCommandPerStationWithRisingSequence() throws Exception {
    Push first = pushes.push(emergency(new Push.Targets(false, List.of("Tân Hưng"), List.of())), "tinh-op");
    Push second = pushes.push(emergency(new Push.Targets(false, List.of("Tân Hưng"), List.of())), "tinh-op");
    List<Command> a = pg.store.commands(first.id());
    List<Command> b = pg.store.commands(second.id());
    assertEquals(List.of("binh-an", "tan-hung"), a.stream().map(c -> c.station().value()).toList());
    for (int i = 0; i < 2; i++) {
      assertEquals(a.get(i).seq() + 1, b.get(i).seq(), "the next command to the same station has the next seq");
      Map<String, Object> cmd = verified(b.get(i).envelope());
      assertEquals(b.get(i).station().value(), cmd.get("station"));
      assertEquals((int) b.get(i).seq(), cmd.get("seq"));
      assertEquals("emergency", cmd.get("type"));
      assertEquals("EMERGENCY", cmd.get("priority"));
      assertEquals(List.of("*"), cmd.get("zones"));
      assertEquals(T.plusSeconds(7 * 3600).toString(), cmd.get("expiresAt"));
      assertEquals(30, cmd.get("repeatEveryMinutes"));
    }
    assertEquals("0", pg.cluster.psql("select count(*) from command where station = 'my-loc' and push = '" + first.id() + "'").strip(),
        "a station of another commune gets nothing");
  }

  @Test
  void aTamperedPayloadDoesNotVerify() throws Exception {
    Push p = pushes.push(emergency(new Push.Targets(false, List.of(), List.of(new Push.Hamlet(new StationKey("my-loc"),
        "thon-2")))), "tinh-op");
    Command c = pg.store.commands(p.id()).get(0);
    HubJson.Envelope e = HubJson.readEnvelope(c.envelope());
    byte[] payload = new String(e.payload(), StandardCharsets.UTF_8).replace("thon-2", "thon-1").getBytes(StandardCharsets.UTF_8);
    assertFalse(HubKeys.verify(hubKey, payload, e.sig()));
    assertEquals(List.of("thon-2"), verified(c.envelope()).get("zones"));
  }

  @Test
  void anUnknownHamletIsRefusedInWords() {
    UserError e = assertThrows(UserError.class, () -> pushes.push(emergency(new Push.Targets(false, List.of(),
        List.of(new Push.Hamlet(new StationKey("my-loc"), "thon-9")))), "tinh-op"));
    assertTrue(e.getMessage().startsWith("đài 'my-loc' không có thôn 'thon-9'"), e.getMessage());
  }

  @Test
  void commandsWaitWhileTheBrokerIsAwayAndMoveSentReceivedAired() throws Exception {
    out.away = true;
    Push p = pushes.push(emergency(new Push.Targets(true, List.of(), List.of())), "tinh-op");
    dispatch.sendQueued();
    assertTrue(pg.store.commands(p.id()).stream().allMatch(c -> c.state() == CommandState.QUEUED));
    out.away = false;
    dispatch.sendQueued();
    List<Command> sent = pg.store.commands(p.id());
    assertTrue(sent.stream().allMatch(c -> c.state() == CommandState.SENT), sent.toString());
    Command myLoc = sent.stream().filter(c -> c.station().value().equals("my-loc")).findFirst().orElseThrow();
    Instant at = T.plusSeconds(5);
    pg.store.file(List.of(
        HubPostgres.decoded("my-loc", "ack", Bodies.ack("my-loc", 10, myLoc.id(), myLoc.seq(), "received", null, null, at)),
        HubPostgres.decoded("my-loc", "ack", Bodies.ack("my-loc", 12, myLoc.id(), myLoc.seq(), "aired", 3890L, "COMPLETED",
            at.plusSeconds(60))),
        // a resend of the first ack arriving late leaves the command aired
        HubPostgres.decoded("my-loc", "ack", Bodies.ack("my-loc", 11, myLoc.id(), myLoc.seq(), "received", null, null, at))),
        at.plusSeconds(61));
    Command after = pg.store.commands(p.id()).stream().filter(c -> c.station().value().equals("my-loc")).findFirst().orElseThrow();
    assertEquals(CommandState.AIRED, after.state());
    assertEquals(Optional.of(3890L), after.runId());
    assertEquals(Optional.of("COMPLETED"), after.outcome());
    assertEquals(Optional.of(at), after.receivedAt());
  }

  @Test
  void twoPushesGoInWavesOfOneCommandPerStationAndAStationThatMissesOneGetsNoLaterOneFirst() throws Exception {
    out.away = true;
    Push first = pushes.push(emergency(new Push.Targets(true, List.of(), List.of())), "tinh-op");
    Push second = pushes.push(emergency(new Push.Targets(true, List.of(), List.of())), "tinh-op");
    dispatch.sendQueued();
    StationKey tanHung = new StationKey("tan-hung");
    out.refused.add(tanHung);
    int sentBefore;
    synchronized (out) {
      out.waves.clear();
      sentBefore = out.sent.size();
      out.away = false;
    }
    dispatch.sendQueued();
    synchronized (out) {
      assertEquals(List.of("binh-an", "my-loc", "tan-hung"), out.waves.get(0).stream().map(StationKey::value).sorted().toList(),
          "every station's first command in one wave");
    }
    assertEquals(CommandState.QUEUED, pg.store.commands(second.id()).stream().filter(c -> c.station().equals(tanHung))
        .findFirst().orElseThrow().state(), "tan-hung's second command waits behind its first");
    out.refused.clear();
    dispatch.sendQueued();
    for (Push p : List.of(first, second)) {
      assertTrue(pg.store.commands(p.id()).stream().allMatch(c -> c.state() == CommandState.SENT), p.id());
    }
    synchronized (out) {
      for (List<StationKey> wave : out.waves) {
        assertEquals(wave.size(), new java.util.HashSet<>(wave).size(), "a station at most once in a wave: " + wave);
      }
      for (String station : List.of("binh-an", "my-loc", "tan-hung")) {
        List<Integer> seqs = out.sent.subList(sentBefore, out.sent.size()).stream()
            .filter(e -> e.getKey().value().equals(station)).map(e -> (Integer) verified(e.getValue()).get("seq")).toList();
        assertEquals(2, seqs.size(), station + ": " + seqs);
        assertTrue(seqs.get(0) < seqs.get(1), station + " gets its commands in seq order: " + seqs);
      }
    }
  }

  @Test
  void theKeyFilesArePemAndThePrivateOneIsOnlyForItsOwner() throws Exception {
    assertTrue(Files.readString(keys.resolve(HubKeys.PUBLIC)).startsWith("-----BEGIN PUBLIC KEY-----\n"));
    assertTrue(Files.readString(keys.resolve(HubKeys.PRIVATE)).startsWith("-----BEGIN PRIVATE KEY-----\n"));
    assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(keys.resolve(HubKeys.PRIVATE))));
  }
}
