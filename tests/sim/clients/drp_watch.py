#!/usr/bin/env python3
"""Watch a DRP endpoint's event websocket and print every frame, one per line.

Written the way DRP's own Python sample is: websocket-client's WebSocketApp on
wss://<endpoint>/api/v3/ws?token=<user:password or token>, certificate checks off (DRP
ships a self-signed certificate), one `register <filter>` per filter on the command line.
The simulator's tests run it to check that a plain third-party client sees what it would
see on a real endpoint: acks, events, a 403 for a bad token, a 1009 close for a command
over the server's 512-byte read limit.

Output lines:
    <frame text>            every text frame as received (acks and events)
    error: <message>        a connection error (e.g. the handshake refused)
    status: <code>          the HTTP status of a refused handshake
    closed: <code> <reason> the server closed the socket

Exit status: 0 when --count events arrived, 1 on an error or a close before that,
2 when --exit-after ran out first.
"""

import argparse
import json
import ssl
import sys
import threading
import urllib.parse

import websocket


def parse_args(argv):
    parser = argparse.ArgumentParser(description="Print the frames of a DRP event websocket.")
    parser.add_argument("--endpoint", default="127.0.0.1:8092", help="host:port of the DRP API (default %(default)s)")
    parser.add_argument("--token", default="rocketskates:r0cketsk8ts", help="user:password or a token")
    parser.add_argument("--count", type=int, default=0, help="exit after this many events, acks not counted (0: never)")
    parser.add_argument("--exit-after", type=float, default=0, help="give up after this many seconds (0: never)")
    parser.add_argument("filters", nargs="*", default=["*.*.*"], help="event filters, type.action.key (default *.*.*)")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    token = urllib.parse.quote(args.token, safe=":")
    url = "wss://%s/api/v3/ws?token=%s" % (args.endpoint, token)
    state = {"events": 0, "status": 1}

    def emit(line):
        # Flushed per line so a reader of the pipe sees each frame as it comes.
        print(line, flush=True)

    def on_open(ws):
        for spec in args.filters:
            ws.send("register %s" % spec)

    def on_message(ws, message):
        emit(message)
        try:
            frame = json.loads(message)
        except ValueError:
            return
        if isinstance(frame, dict) and frame.get("Type") == "websocket":
            return
        state["events"] += 1
        if args.count and state["events"] >= args.count:
            state["status"] = 0
            ws.close()

    def on_error(ws, error):
        text = str(error).splitlines()
        emit("error: %s" % (text[0] if text else type(error).__name__))
        code = getattr(error, "status_code", None)
        if code is not None:
            emit("status: %d" % code)

    def on_close(ws, code, reason):
        if state["status"] != 0:
            emit("closed: %s %s" % (code, reason or ""))

    app = websocket.WebSocketApp(url, on_open=on_open, on_message=on_message, on_error=on_error, on_close=on_close)
    timer = None
    if args.exit_after > 0:

        def give_up():
            state["status"] = 2
            app.close()

        timer = threading.Timer(args.exit_after, give_up)
        timer.daemon = True
        timer.start()
    app.run_forever(sslopt={"cert_reqs": ssl.CERT_NONE, "check_hostname": False})
    if timer:
        timer.cancel()
    return state["status"]


if __name__ == "__main__":
    sys.exit(main())
