"""The web app: a JSON API and HTML pages over the event database.

``create_app(db_path, token=None)`` builds the FastAPI application; ``dotterel serve``
runs it with uvicorn.  ``api`` holds the JSON endpoints, ``pages`` the HTML pages (each
with a JSON twin), ``queries`` the read SQL, ``charts`` the server-drawn SVG, ``annotate``
the highlighting of article text, ``service`` coding and storing.
"""
from .app import create_app

__all__ = ["create_app"]
