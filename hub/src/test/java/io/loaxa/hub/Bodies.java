package io.loaxa.hub;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Station bodies as the protocol writes them, for tests and the station simulator. */
public final class Bodies {
  private Bodies() {}

  public static byte[] run(String station, long outboxSeq, long runId, String category, Instant planned, String outcome) {
    return ("{\"v\":1,\"station\":\"" + station + "\",\"outboxSeq\":" + outboxSeq + ",\"sentAt\":\"" + planned.plusSeconds(600)
        + "\",\"runId\":" + runId + ",\"plannedKey\":\"" + planned + "|" + category + "\",\"programme\":\"" + category
        + "\",\"title\":\"Chương trình " + category + "\",\"category\":\"" + category + "\",\"priority\":\"NORMAL\","
        + "\"trigger\":\"SCHEDULE\",\"plannedAt\":\"" + planned + "\",\"startedAt\":\"" + planned + "\",\"endedAt\":\""
        + planned.plusSeconds(600) + "\",\"zonesRequested\":[\"thon-1\",\"thon-2\"],\"zonesConfirmed\":[\"thon-1\"],"
        + "\"zonesUnconfirmed\":[],\"zonesFailed\":[\"thon-2\"],\"content\":\"x\",\"outcome\":" + quoted(outcome)
        + ",\"reason\":\"\",\"hubCommand\":null}").getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] health(String station, long outboxSeq, String commune, Instant at) {
    return ("{\"v\":1,\"station\":\"" + station + "\",\"outboxSeq\":" + outboxSeq + ",\"sentAt\":\"" + at + "\",\"name\":\"Đài "
        + commune + "\",\"commune\":\"" + commune + "\",\"version\":\"1.4.0\",\"zones\":[{\"key\":\"thon-1\",\"name\":\"Thôn 1\"},"
        + "{\"key\":\"thon-2\",\"name\":\"Thôn 2\"}],\"boards\":[{\"name\":\"bang-1\",\"ok\":true,\"detail\":\"\"}],"
        + "\"soundCard\":{\"ok\":true,\"detail\":\"\"},\"clockTrusted\":true,\"diskFreeMb\":5120,\"openIncidents\":0,\"at\":\""
        + at + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] ack(String station, long outboxSeq, String command, long seq, String state, Long runId, String outcome,
      Instant at) {
    return ("{\"v\":1,\"station\":\"" + station + "\",\"outboxSeq\":" + outboxSeq + ",\"sentAt\":\"" + at + "\",\"command\":\""
        + command + "\",\"seq\":" + seq + ",\"state\":\"" + state + "\",\"runId\":" + runId + ",\"outcome\":" + quoted(outcome)
        + ",\"reason\":\"\",\"at\":\"" + at + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  private static String quoted(String s) {
    return s == null ? "null" : "\"" + s + "\"";
  }
}
