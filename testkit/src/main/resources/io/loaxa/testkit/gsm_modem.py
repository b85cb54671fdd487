"""A stand-in USB GSM modem answering AT commands in text mode the way SIMCom/Quectel/Huawei sticks
do: echo until ATE0, final result codes OK / ERROR / +CMS ERROR: n framed by CR LF, the "> " prompt
after AT+CMGS, the message ended by Ctrl-Z (0x1A) or cancelled by ESC (0x1B), then +CMGS: <mr>.
With AT+CSCS="UCS2" the number and the text arrive as hex of UTF-16 big-endian.

usage: gsm_modem.py PORT

Commands on stdin, one per line:
  sent           print "sent N": messages accepted so far
  last           print "last CSCS NUMBER TEXTHEX": the last one accepted, decoded to UTF-8 then hex
  cms N          answer the next AT+CMGS with +CMS ERROR: N (after the text)
  silence        stop answering anything
  slow SECONDS   wait this long before the +CMGS answer
  pin NNNN       the SIM card wants PIN NNNN: AT+CPIN? answers +CPIN: SIM PIN until it is given;
                 a wrong one answers +CME ERROR: 16, the third wrong one locks the card (SIM PUK);
                 while locked, AT+CMGS answers +CMS ERROR: 311 (SIM PIN required) or 316 (PUK)
  pintries       print "pintries N": AT+CPIN= commands received so far
  reset          no faults, echo on, counters kept
  quit           stop
Prints "ready" once the port is open.
"""
import os
import sys
import threading
import time

import serial

port = sys.argv[1]
line = serial.Serial(port, 115200, timeout=0.05)
lock = threading.Lock()
st = {"echo": True, "cmgf": 0, "cscs": "GSM", "silence": False, "cms": [], "slow": 0.0,
      "sent": 0, "last": None, "mr": 0,
      "pin": None, "sim": "READY", "wrong": 0, "pintries": 0}


def out(text):
    line.write(text.encode("latin-1"))


def decode(cscs, value):
    if cscs == "UCS2":
        return bytes.fromhex(value).decode("utf-16-be")
    return value


def command(cmd):
    """Handles one AT command line (without CR); returns the number when a text is to follow."""
    upper = cmd.upper()
    if upper == "AT":
        out("\r\nOK\r\n")
    elif upper in ("ATE0", "ATE1"):
        st["echo"] = upper == "ATE1"
        out("\r\nOK\r\n")
    elif upper.startswith("AT+CMGF="):
        mode = upper[8:]
        if mode in ("0", "1"):
            st["cmgf"] = int(mode)
            out("\r\nOK\r\n")
        else:
            out("\r\nERROR\r\n")
    elif upper.startswith("AT+CSCS="):
        cs = cmd[8:].strip('"').upper()
        if cs in ("GSM", "IRA", "UCS2"):
            st["cscs"] = cs
            out("\r\nOK\r\n")
        else:
            out("\r\nERROR\r\n")
    elif upper.startswith("AT+CSMP="):
        out("\r\nOK\r\n")
    elif upper == "AT+CPIN?":
        out("\r\n+CPIN: %s\r\n\r\nOK\r\n" % st["sim"])
    elif upper.startswith("AT+CPIN="):
        st["pintries"] += 1
        given = cmd[8:].split(",")[0].strip('"')
        if st["sim"] == "SIM PUK":
            out("\r\n+CME ERROR: 12\r\n")
        elif st["sim"] == "READY":
            out("\r\n+CME ERROR: 3\r\n")
        elif given == st["pin"]:
            st["sim"] = "READY"
            out("\r\nOK\r\n")
        else:
            st["wrong"] += 1
            if st["wrong"] >= 3:
                st["sim"] = "SIM PUK"
            out("\r\n+CME ERROR: 16\r\n")
    elif upper.startswith("AT+CMGS="):
        if st["sim"] != "READY":
            out("\r\n+CMS ERROR: %d\r\n" % (311 if st["sim"] == "SIM PIN" else 316))
            return None
        if st["cmgf"] != 1:
            out("\r\n+CMS ERROR: 304\r\n")
            return None
        number = decode(st["cscs"], cmd[8:].split(",")[0].strip('"'))
        out("\r\n> ")
        return number
    else:
        out("\r\nERROR\r\n")
    return None


def finish(number, text):
    cms = st["cms"].pop(0) if st["cms"] else None
    if st["slow"]:
        time.sleep(st["slow"])
    if cms is not None:
        out("\r\n+CMS ERROR: %d\r\n" % cms)
        return
    try:
        decoded = decode(st["cscs"], text)
    except ValueError:
        out("\r\n+CMS ERROR: 304\r\n")
        return
    with lock:
        st["sent"] += 1
        st["mr"] = (st["mr"] + 1) % 256
        st["last"] = (st["cscs"], number, decoded)
    out("\r\n+CMGS: %d\r\n\r\nOK\r\n" % st["mr"])


def serve():
    buf = bytearray()
    number = None
    while True:
        try:
            data = line.read(max(1, line.in_waiting))
        except Exception:
            os._exit(3)
        if not data or st["silence"]:
            continue
        for b in data:
            if number is not None:
                if b == 0x1A:
                    if st["echo"]:
                        out(buf.decode("latin-1"))
                    finish(number, buf.decode("latin-1"))
                    number, buf = None, bytearray()
                elif b == 0x1B:
                    out("\r\nOK\r\n")
                    number, buf = None, bytearray()
                else:
                    buf.append(b)
                continue
            if b == 0x0D:
                cmd = buf.decode("latin-1").strip()
                buf = bytearray()
                if st["echo"]:
                    out(cmd + "\r")
                if cmd:
                    number = command(cmd)
            elif b != 0x0A:
                buf.append(b)


threading.Thread(target=serve, daemon=True).start()
print("ready", flush=True)
for request in sys.stdin:
    words = request.split()
    if not words:
        continue
    if words[0] == "sent":
        print("sent %d" % st["sent"], flush=True)
    elif words[0] == "last":
        last = st["last"]
        if last is None:
            print("last none", flush=True)
        else:
            print("last %s %s %s" % (last[0], last[1], last[2].encode("utf-8").hex()), flush=True)
    elif words[0] == "cms":
        st["cms"].append(int(words[1]))
        print("ok", flush=True)
    elif words[0] == "silence":
        st["silence"] = True
        print("ok", flush=True)
    elif words[0] == "slow":
        st["slow"] = float(words[1])
        print("ok", flush=True)
    elif words[0] == "pin":
        st.update({"pin": words[1], "sim": "SIM PIN", "wrong": 0})
        print("ok", flush=True)
    elif words[0] == "pintries":
        print("pintries %d" % st["pintries"], flush=True)
    elif words[0] == "reset":
        st.update({"echo": True, "silence": False, "cms": [], "slow": 0.0})
        print("ok", flush=True)
    elif words[0] == "quit":
        break
os._exit(0)
