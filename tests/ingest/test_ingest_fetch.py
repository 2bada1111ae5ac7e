"""Feeds fetched over HTTP, against a server on 127.0.0.1 that the tests start (no internet)."""

from __future__ import annotations

import gzip
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from briefing.ingest import load_articles
from briefing.ingest.discover_helpers import DummyNeverUsed  # noqa: F401  # replaced below
