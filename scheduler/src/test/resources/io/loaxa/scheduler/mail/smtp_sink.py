"""A local SMTP server for the e-mail alert tests (Debian's python3-aiosmtpd): accepts mail on
127.0.0.1:PORT, requires AUTH LOGIN/PLAIN as USER/PASSWORD when given (plain text allowed on
loopback), and appends each message, decoded, as one JSON line to OUT.

usage: smtp_sink.py [--starttls CERT KEY | --ssl CERT KEY] PORT OUT [USER PASSWORD]
  --starttls  offers STARTTLS with the certificate chain CERT and key KEY (PEM) and refuses mail before it
  --ssl       speaks TLS from the first byte (port 465 style)
Each JSON line says "tls": true when the message came over TLS.
Prints "ready" when listening; stops when stdin closes.
"""
import email
import email.policy
import json
import ssl
import sys

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

args = sys.argv[1:]
mode = None
context = None
if args and args[0] in ("--starttls", "--ssl"):
    mode = args[0][2:]
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(args[1], args[2])
    args = args[3:]
port, out = int(args[0]), args[1]
creds = (args[2].encode(), args[3].encode()) if len(args) > 3 else None


class Sink:
    async def handle_DATA(self, server, session, envelope):
        msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
        body = msg.get_body(preferencelist=("plain",))
        record = {
            "from": envelope.mail_from,
            "to": envelope.rcpt_tos,
            "subject": str(msg["subject"]),
            "body": body.get_content() if body is not None else "",
            "login": session.authenticated and creds is not None,
            "tls": mode == "ssl" or session.ssl is not None,
        }
        with open(out, "a", encoding="utf-8") as f:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
        return "250 OK queued as 1"


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = creds is not None and (auth_data.login, auth_data.password) == creds
    return AuthResult(success=ok)


kwargs = {}
if creds is not None:
    kwargs = dict(authenticator=authenticate, auth_required=True, auth_require_tls=False)
if mode == "starttls":
    kwargs.update(tls_context=context, require_starttls=True)
elif mode == "ssl":
    kwargs.update(ssl_context=context)
controller = Controller(Sink(), hostname="127.0.0.1", port=port, **kwargs)
controller.start()
print("ready", flush=True)
try:
    sys.stdin.read()
finally:
    controller.stop()
