package io.loaxa.devices.serial;

import io.loaxa.devices.DeviceException;
import io.loaxa.devices.SerialLine;
import io.loaxa.devices.SerialSettings;

class JSerialCommLineContractTest extends SerialLineContract {
  @Override
  protected SerialLine open(String port) throws DeviceException {
    return new JSerialCommPorts().open(port, SerialSettings.DEFAULT);
  }
}
