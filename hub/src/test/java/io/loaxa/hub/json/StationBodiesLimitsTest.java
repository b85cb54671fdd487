package io.loaxa.hub.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A station message past the hub's limits is dropped with one line saying which. */
class StationBodiesLimitsTest {
  private static StationBodies.Dropped dropped(String topic, byte[] body) {
    return (StationBodies.Dropped) StationBodies.decode(topic, body);
  }

  @Test
  void aBodyOver64KibIsDroppedBeforeItIsRead() {
    assertEquals(new StationBodies.Dropped("tan-hung", "body of 65537 bytes is over 65536"),
        dropped("loaxa/v1/station/tan-hung/run", new byte[65_537]));
  }

  @Test
  void aBodyNestedDeeperThan32LevelsIsDropped() {
    assertEquals(new StationBodies.Dropped("tan-hung", "body nests deeper than 32 levels"),
        dropped("loaxa/v1/station/tan-hung/run", ("{\"a\":" + "[".repeat(40)).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aBodyThatIsNotJsonIsDroppedSayingWhereNotInTheParsersWords() {
    assertEquals(new StationBodies.Dropped("tan-hung", "body is not JSON (line 1, column 12)"),
        dropped("loaxa/v1/station/tan-hung/run", "{\"v\":1,\"x\":tru}".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void topicsNamingNoStationShareOneSenderAndAreQuotedOnOneLine() {
    assertEquals(new StationBodies.Dropped(StationBodies.NO_SENDER,
        "topic 'loaxa/v1/station/Tan Hung?/run' is not loaxa/v1/station/<id>/<kind>"),
        dropped("loaxa/v1/station/Tan Hung\n/run", new byte[0]));
  }
}
