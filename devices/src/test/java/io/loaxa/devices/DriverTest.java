package io.loaxa.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.devices.lcus.LcusBoard;
import io.loaxa.devices.modbus.ModbusCoilBoard;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DriverTest {
  @Test
  void theOperatorSeesTheDriversInTheOrderTheConfigGuideListsThem() {
    assertEquals(List.of("modbus-rtu", "modbus-register", "lcus", "numato", "kmtronic", "dtr-rts", "simulated"),
        Driver.names());
  }

  @Test
  void aConfigNameFindsItsDriverAndAMisspeltOneFindsNone() {
    assertEquals(Optional.of(Driver.DTR_RTS), Driver.named("dtr-rts"));
    assertEquals(Optional.empty(), Driver.named("modbus"));
  }

  @Test
  void onlyLcusAndDtrRtsBoardsAreSilentByDesign() {
    for (Driver driver : Driver.values()) {
      assertEquals(driver != Driver.LCUS && driver != Driver.DTR_RTS, driver.replies(), driver.configName());
    }
  }

  @Test
  void aSimulatedBoardAcceptsTheOptionsOfTheBoardItStandsInFor() {
    assertTrue(Driver.SIMULATED.options().containsAll(ModbusCoilBoard.OPTIONS));
    assertTrue(Driver.SIMULATED.options().containsAll(LcusBoard.OPTIONS));
    assertFalse(Driver.SIMULATED.needsPort());
    assertTrue(Driver.MODBUS_RTU.needsPort());
  }
}
