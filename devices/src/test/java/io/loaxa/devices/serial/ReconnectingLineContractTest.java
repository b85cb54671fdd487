package io.loaxa.devices.serial;

import io.loaxa.devices.ReconnectingLine;
import io.loaxa.devices.SerialLine;
import io.loaxa.devices.SerialSettings;
import io.loaxa.devices.testing.RecordingLineEvents;
import java.time.Clock;

class ReconnectingLineContractTest extends SerialLineContract {
  @Override
  protected SerialLine open(String port) {
    return new ReconnectingLine(port, SerialSettings.DEFAULT, new JSerialCommPorts(), new RecordingLineEvents(),
        Clock.systemUTC());
  }
}
