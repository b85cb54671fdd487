"""An independent Modbus RTU coil slave (pymodbus), the far end of a relay board's RS-485 line.

usage: modbus_slave.py PORT UNIT COILS [BAUD [paced]]

Serves COILS coils (addresses 0..COILS-1) as unit UNIT. A pty moves bytes at once whatever the baud
rate; "paced" holds each reply back for the time its request and reply would take on a real line at
BAUD (10 bits a byte), so a master's timing can be measured against the wire. Commands on stdin:
  coils          print "coils " and one 0/1 per coil, first coil first
  mute / unmute  stop / resume answering, as a slave that lost power
  garbage N      send junk bytes before each of the next N replies
  badcrc N       corrupt the CRC of each of the next N replies
  stuck K        coil K ignores writes from now on, as a welded relay
  reset          every coil off, no faults, nothing stuck
  quit           stop
Prints "ready" once it listens.
"""
import asyncio
import os
import sys
import threading
import time

from pymodbus.datastore import ModbusSequentialDataBlock, ModbusServerContext, ModbusSlaveContext
from pymodbus.exceptions import NoSuchSlaveException
from pymodbus.factory import ServerDecoder
from pymodbus.server import StartAsyncSerialServer
from pymodbus.transaction import ModbusRtuFramer

port, unit, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
baud = int(sys.argv[4]) if len(sys.argv) > 4 else 9600
paced = len(sys.argv) > 5 and sys.argv[5] == "paced"
stuck = set()
faults = {"garbage": 0, "badcrc": 0}
muted = [False]


class Coils(ModbusSequentialDataBlock):
    def setValues(self, address, values):
        if not isinstance(values, list):
            values = [values]
        for i, value in enumerate(values):
            if address + i not in stuck:
                super().setValues(address + i, [value])


class Context(ModbusServerContext):
    # a muted slave still owns its unit id (the server's framer lists units before each read)
    # but gives no answer: with ignore_missing_slaves the server then stays silent
    def __getitem__(self, slave_id):
        if muted[0]:
            raise NoSuchSlaveException("muted")
        return super().__getitem__(slave_id)


coils = Coils(0, [False] * count)
slave = ModbusSlaveContext(co=coils, zero_mode=True)
context = Context(slaves={unit: slave}, single=False)
framer = ModbusRtuFramer(ServerDecoder())


def request_length(response):
    if response.function_code == 0x0F:
        return 9 + (response.count + 7) // 8
    return 8


def manipulate(response):
    if faults["garbage"] == 0 and faults["badcrc"] == 0 and not paced:
        return response, False
    packet = bytearray(framer.buildPacket(response))
    if paced:
        time.sleep((request_length(response) + len(packet)) * 10.0 / baud)
    if faults["badcrc"] > 0:
        faults["badcrc"] -= 1
        packet[-1] ^= 0x5A
    if faults["garbage"] > 0:
        faults["garbage"] -= 1
        packet = bytearray(b"\x00\xff\x13\x37\xfe") + packet
    return bytes(packet), True


def control():
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        if words[0] == "coils":
            print("coils " + "".join("1" if v else "0" for v in coils.values), flush=True)
        elif words[0] in ("mute", "unmute"):
            muted[0] = words[0] == "mute"
            print("ok", flush=True)
        elif words[0] in faults:
            faults[words[0]] = int(words[1])
            print("ok", flush=True)
        elif words[0] == "reset":
            stuck.clear()
            muted[0] = False
            faults["garbage"] = faults["badcrc"] = 0
            coils.values = [False] * count
            print("ok", flush=True)
        elif words[0] == "stuck":
            stuck.add(int(words[1]))
            print("ok", flush=True)
        elif words[0] == "quit":
            break
    os._exit(0)


async def main():
    server = await StartAsyncSerialServer(context=context, framer=ModbusRtuFramer, port=port, baudrate=baud,
                                          ignore_missing_slaves=True, response_manipulator=manipulate,
                                          defer_start=True)
    await server.start()
    print("ready", flush=True)
    threading.Thread(target=control, daemon=True).start()
    await server.serve_forever()


asyncio.run(main())
