"""``dotterel serve``: run the web app with uvicorn on one database file.

Listening on anything but a loopback address needs a token (``--token`` or the
``DOTTEREL_TOKEN`` environment variable): without one, anybody who can reach the port
could make the server code text and write to the database.
"""
from __future__ import annotations

import ipaddress
import os
import sys

from ..errors import DotterelError

TOKEN_ENV = "DOTTEREL_TOKEN"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(db: str, host: str = "127.0.0.1", port: int = 8000, token: str | None = None) -> None:
    token = token or os.environ.get(TOKEN_ENV) or None
    if not is_loopback(host) and not token:
        raise DotterelError(f"refusing to listen on {host} without a token: anyone reaching it could write to "
                            f"{db}. Pass --token TOKEN or set {TOKEN_ENV} (or use --host 127.0.0.1)")
    import uvicorn

    from .app import create_app

    app = create_app(db, token=token)
    shown = f"[{host}]" if ":" in host else host
    print(f"dotterel: serving {db} on http://{shown}:{port}/ "
          f"({'POST needs the token' if token else 'no token'}; Ctrl-C stops)", file=sys.stderr, flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
