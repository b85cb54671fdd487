"""Independent stand-ins for cheap serial relay boards, written from their datasheets: the far end of
a pty for loaxa's drivers.

usage: relay_peer.py KIND PORT CHANNELS [UNIT]
KIND: lcus | kmtronic | numato | modbus-register

Commands on stdin, one per line:
  state          print "state " and one 0/1 per channel, CH1 first
  frames         print "frames N": how many well-formed commands arrived
  mute / unmute  stop / resume answering (a muted board does nothing)
  garbage        put junk bytes before the next reply
  badcrc         corrupt the CRC of the next Modbus reply
  reset          every relay off, no faults
  quit           stop
Prints "ready" once the port is open.
"""
import os
import sys
import threading
import time

import serial

kind, port, channels = sys.argv[1], sys.argv[2], int(sys.argv[3])
unit = int(sys.argv[4]) if len(sys.argv) > 4 else 1
state = [False] * (channels + 1)
timers = {}
faults = {"mute": False, "garbage": False, "badcrc": False}
frames = [0]
lock = threading.Lock()
line = serial.Serial(port, 9600, timeout=0.05)


def crc16(data):
    crc = 0xFFFF
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
    return bytes([crc & 0xFF, crc >> 8])


def reply(data):
    data = bytearray(data)
    if faults["badcrc"] and kind == "modbus-register":
        faults["badcrc"] = False
        data[-1] ^= 0x5A
    if faults["garbage"]:
        faults["garbage"] = False
        data = bytearray(b"\x13\x00\xfe\x55") + data
    line.write(bytes(data))


def release(channel):
    with lock:
        state[channel] = False
        timers.pop(channel, None)


def set_relay(channel, on, hold=None):
    old = timers.pop(channel, None)
    if old:
        old.cancel()
    state[channel] = on
    if hold:
        t = threading.Timer(hold, release, [channel])
        t.daemon = True
        timers[channel] = t
        t.start()


def lcus(buf):
    while len(buf) >= 4:
        if buf[0] != 0xA0:
            del buf[0]
            continue
        ch, op, total = buf[1], buf[2], buf[3]
        if (0xA0 + ch + op) & 0xFF == total and 1 <= ch <= channels and op in (0, 1):
            set_relay(ch, op == 1)
            frames[0] += 1
            del buf[:4]
        else:
            del buf[0]


def kmtronic(buf):
    while len(buf) >= 3:
        if buf[0] != 0xFF:
            del buf[0]
            continue
        ch, op = buf[1], buf[2]
        if 1 <= ch <= channels and op in (0, 1, 3):
            frames[0] += 1
            if op == 3:
                reply(bytes([0xFF, ch, 1 if state[ch] else 0]))
            else:
                set_relay(ch, op == 1)
            del buf[:3]
        else:
            del buf[0]


def numato(buf):
    while b"\r" in buf:
        end = buf.index(b"\r")
        command = bytes(buf[:end]).decode("ascii", "replace").strip()
        del buf[:end + 1]
        words = command.split()
        answer = None
        if len(words) == 3 and words[0] == "relay" and words[1] in ("on", "off", "read"):
            index = int(words[2], 36)
            if index >= channels:
                answer = "Invalid relay number"
            elif words[1] == "read":
                answer = "on" if state[index + 1] else "off"
            else:
                set_relay(index + 1, words[1] == "on")
            frames[0] += 1
        elif words == ["ver"]:
            answer = "00000008"
            frames[0] += 1
        text = command + "\n\r" + (answer + "\n\r" if answer is not None else "") + ">"
        reply(text.encode("ascii"))


def modbus_register(buf):
    while len(buf) >= 8:
        frame = bytes(buf[:8])
        if crc16(frame[:6]) != frame[6:8] or frame[1] not in (3, 6):
            del buf[0]
            continue
        del buf[:8]
        if frame[0] != unit:
            continue
        frames[0] += 1
        register = frame[2] << 8 | frame[3]
        value = frame[4] << 8 | frame[5]
        if frame[1] == 6:
            if not 1 <= register <= channels:
                body = bytes([unit, 0x86, 0x02])
                reply(body + crc16(body))
                continue
            command, seconds = value >> 8, value & 0xFF
            if command == 1:
                set_relay(register, True)
            elif command == 2:
                set_relay(register, False)
            elif command == 3:
                set_relay(register, not state[register])
            elif command == 6:
                set_relay(register, True, seconds)
            reply(frame)
        else:
            if register < 1 or register + value - 1 > channels:
                body = bytes([unit, 0x83, 0x02])
                reply(body + crc16(body))
                continue
            data = b"".join(bytes([0, 1 if state[r] else 0]) for r in range(register, register + value))
            body = bytes([unit, 3, len(data)]) + data
            reply(body + crc16(body))


handlers = {"lcus": lcus, "kmtronic": kmtronic, "numato": numato, "modbus-register": modbus_register}
handle = handlers[kind]


def serve():
    buf = bytearray()
    while True:
        try:
            data = line.read(max(1, line.in_waiting))
        except Exception:
            os._exit(3)
        if not data:
            continue
        with lock:
            if faults["mute"]:
                continue
            buf.extend(data)
            handle(buf)


threading.Thread(target=serve, daemon=True).start()
print("ready", flush=True)
for command in sys.stdin:
    words = command.split()
    if not words:
        continue
    with lock:
        if words[0] == "state":
            print("state " + "".join("1" if s else "0" for s in state[1:]), flush=True)
        elif words[0] == "frames":
            print("frames %d" % frames[0], flush=True)
        elif words[0] in ("mute", "unmute"):
            faults["mute"] = words[0] == "mute"
            print("ok", flush=True)
        elif words[0] in ("garbage", "badcrc"):
            faults[words[0]] = True
            print("ok", flush=True)
        elif words[0] == "reset":
            for t in timers.values():
                t.cancel()
            timers.clear()
            for i in range(len(state)):
                state[i] = False
            faults.update({"mute": False, "garbage": False, "badcrc": False})
            print("ok", flush=True)
        elif words[0] == "quit":
            break
os._exit(0)
