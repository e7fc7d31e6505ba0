"""The tables of a version: loaded and validated (`load`, file:line errors), compiled into the
converters' data (`compile`), cached on disk, and shared between converters in a process
(`shared`). Nothing here knows a script's converters: they import from here, never the reverse."""

from typing import Any, Dict

Compiled = Dict[str, Any]  # a compiled table part: plain data (JSON), as cached on disk
