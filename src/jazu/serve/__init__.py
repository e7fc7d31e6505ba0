"""`jazu serve` (`pip install 'jazu[serve]'`): the web page for editors and the HTTP API for
newsrooms, one Starlette app under uvicorn. It calls the public API only.

    POST /v1/convert       {text, target, source?, tables?, case?, profile?, digits?, lexicon?} -> {text}
    POST /v1/explain       the same -> {text, words: [Transliterator.explain entries]}
    POST /v1/convert-file  multipart: file, target, source?, format?, field?, profile?, digits? -> the file
    GET  /healthz          {status, version, tables}
    GET  /openapi.json     the API described (OpenAPI 3.1); GET /docs: the same, readable
    GET  /                 the page (static files, no CDN)

`lexicon` is the text of a user lexicon (`word<TAB>reading` lines: an editor's picks), read
ahead of the shipped one; the server's own `--lexicon` file comes before both. Every error is
a JSON `{"error": ...}` with a 4xx status: invalid JSON or UTF-8 400, a wrong type or an unknown
script, table version, profile or format 422, a body over the limit (10 MB) 413, the queue full
429 (conversions run WORKERS at a time; up to QUEUE more wait their turn). No path on the
server is named by a request, and no traceback reaches a client.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import tempfile
import threading
from pathlib import Path
from typing import Any, Dict, Optional, Tuple

MAX_BODY = 10 * 1000 * 1000  # bytes a request may send
MAX_EXPLAIN = 100_000  # characters /v1/explain reads (it aligns every word: an editor's article)
WORKERS = 4  # conversions at once (each in a thread)
QUEUE = 1000  # requests that may wait for one
STATIC = Path(__file__).parent / "static"
OPTIONS = ("source", "tables", "case", "profile", "digits")


class ApiError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class Converters:
    """One Transliterator per set of options (and user lexicon text), built once, shared."""

    def __init__(self, lexicon: Optional[str]) -> None:
        self._base_lexicon = Path(lexicon).read_text(encoding="utf-8") if lexicon else ""
        self._built: Dict[Tuple[Any, ...], Any] = {}
        self._lock = threading.Lock()
        self._files = tempfile.TemporaryDirectory(prefix="jazu-serve-")

    def get(self, target: str, options: Dict[str, Any], user: str = "") -> Any:
        import jazu
        from jazu.errors import TableError

        text = self._base_lexicon + ("\n" if self._base_lexicon and user else "") + user
        key = (target, tuple(options.get(k) for k in OPTIONS), hashlib.sha256(text.encode()).hexdigest() if text else "")
        with self._lock:
            found = self._built.get(key)
            if found is None:
                path = None
                if text:
                    path = os.path.join(self._files.name, key[2] + ".tsv")
                    with open(path, "w", encoding="utf-8") as f:
                        f.write(text if text.endswith("\n") else text + "\n")
                kwargs = {k: v for k, v in options.items() if v is not None}
                try:
                    found = jazu.Transliterator(target=target, lexicon=path, **kwargs)
                except TableError as e:  # the lexicon's line, never the server's file name
                    raise ApiError(422, f"lexicon:{e.line}: {e.reason}") from None
                finally:
                    if path is not None:
                        os.unlink(path)  # read at once: nothing of it stays on disk
                if len(self._built) > 256:  # bounded: many editors' lexicons
                    self._built.clear()
                self._built[key] = found
            return found


def create_app(lexicon: Optional[str] = None, max_body: int = MAX_BODY, workers: int = WORKERS, queue: int = QUEUE) -> Any:
    """The ASGI app. `lexicon`: a user lexicon file read ahead of the shipped lexicon."""
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
    from starlette.routing import Mount, Route
    from starlette.staticfiles import StaticFiles

    import jazu
    from jazu.errors import JazuError

    converters = Converters(lexicon)
    slots = asyncio.Semaphore(workers)
    pending = {"n": 0}

    async def run(fn: Any, *args: Any) -> Any:
        """`fn(*args)` in a thread, WORKERS at a time; 429 once QUEUE requests wait."""
        from starlette.concurrency import run_in_threadpool

        if pending["n"] >= workers + queue:
            raise ApiError(429, f"too many requests at once: {queue} are waiting; try again shortly")
        pending["n"] += 1  # running or waiting for a slot
        try:
            async with slots:
                return await run_in_threadpool(fn, *args)
        finally:
            pending["n"] -= 1

    async def body(request: Request) -> bytes:
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > max_body:
            raise ApiError(413, f"the body is {declared} bytes; at most {max_body} are read")
        data = bytearray()
        async for chunk in request.stream():
            data += chunk
            if len(data) > max_body:
                raise ApiError(413, f"the body is over {max_body} bytes")
        return bytes(data)

    async def parsed(request: Request) -> Dict[str, Any]:
        data = await body(request)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            raise ApiError(400, f"the body is not UTF-8 (byte {e.start})") from None
        try:
            value = json.loads(text)
        except ValueError as e:
            raise ApiError(400, f"the body is not JSON: {e}") from None
        if not isinstance(value, dict):
            raise ApiError(422, "the body must be a JSON object")
        for name, kind in (("text", str), ("target", str)):
            if name not in value:
                raise ApiError(422, f"missing field {name!r}")
            if not isinstance(value[name], kind):
                raise ApiError(422, f"{name} must be a string, not {type(value[name]).__name__}")
        for name in OPTIONS + ("lexicon",):
            if value.get(name) is not None and not isinstance(value[name], str):
                raise ApiError(422, f"{name} must be a string, not {type(value[name]).__name__}")
        for name in ("text", "lexicon"):
            try:
                (value.get(name) or "").encode("utf-8")
            except UnicodeEncodeError as e:  # a lone surrogate escaped in the JSON: no text
                raise ApiError(422, f"{name} holds a lone surrogate (U+{ord(e.object[e.start]):04X}): not Unicode text") from None
        return value

    def transliterator(value: Dict[str, Any]) -> Any:
        options = {k: value.get(k) for k in OPTIONS}
        return converters.get(value["target"], options, value.get("lexicon") or "")

    async def convert(request: Request) -> Response:
        value = await parsed(request)
        out = await run(lambda: transliterator(value)(value["text"]))
        return JSONResponse({"text": out})

    async def explain(request: Request) -> Response:
        value = await parsed(request)
        if len(value["text"]) > MAX_EXPLAIN:
            raise ApiError(413, f"explain reads at most {MAX_EXPLAIN} characters (send longer texts to /v1/convert)")

        def work() -> Dict[str, Any]:
            t = transliterator(value)
            words = t.explain(value["text"])
            text, _ = t.convert_with_offsets(value["text"])
            return {"text": text, "words": words}

        return JSONResponse(await run(work))

    async def convert_file(request: Request) -> Response:
        from jazu.formats import BINARY, EXTENSIONS, check_format, convert_bytes, convert_document, detect_bytes

        if not request.headers.get("content-type", "").startswith("multipart/form-data"):
            raise ApiError(400, "send the file as multipart/form-data (a field named file)")
        data_in = await body(request)  # at most max_body bytes, however it is sent

        async def replay() -> Dict[str, Any]:
            return {"type": "http.request", "body": data_in, "more_body": False}

        try:
            form = await Request(request.scope, receive=replay).form(max_files=1, max_fields=20)
        except Exception as e:  # the multipart parser's own errors: a malformed body
            raise ApiError(400, f"the form cannot be read: {e}") from None
        upload = form.get("file")
        if upload is None or isinstance(upload, str):
            raise ApiError(422, "missing the file (a form field named file)")
        target = form.get("target")
        if not isinstance(target, str):
            raise ApiError(422, "missing field 'target'")
        data = await upload.read()
        if len(data) > max_body:
            raise ApiError(413, f"the file is over {max_body} bytes")
        name = os.path.basename(upload.filename or "document.txt")
        fmt = check_format(str(form.get("format") or "auto"))
        if fmt == "auto":
            fmt = detect_bytes(name, data[:65536])
        fields = [f for f in str(form.get("field") or "").split(",") if f]
        options = {k: (str(form[k]) if form.get(k) else None) for k in OPTIONS}

        def work() -> bytes:
            t = converters.get(target, options)
            if fmt in BINARY:
                return convert_bytes(data, fmt, t)  # type: ignore[no-any-return]
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as e:
                raise ApiError(400, f"the file is not UTF-8 (byte {e.start})") from None
            return convert_document(text, fmt, t, fields).encode("utf-8")  # type: ignore[no-any-return]

        out = await run(work)
        stem, ext = os.path.splitext(name)
        if not ext:
            ext = next((e for e, f in EXTENSIONS.items() if f == fmt), ".txt")
        filename = f"{stem}.{target}{ext}"
        from urllib.parse import quote

        # RFC 6266: an ASCII name for every client, the UTF-8 one for those that read it.
        ascii_name = filename.encode("ascii", "replace").decode().replace("?", "_").replace('"', "_")
        disposition = f"attachment; filename=\"{ascii_name}\""
        if ascii_name != filename:
            disposition += f"; filename*=UTF-8''{quote(filename)}"
        return Response(out, media_type="application/octet-stream", headers={"content-disposition": disposition})

    async def healthz(request: Request) -> Response:
        return JSONResponse({"status": "ok", "version": jazu.__version__, "tables": list(jazu.available_tables())})

    async def openapi(request: Request) -> Response:
        return JSONResponse(OPENAPI)

    async def docs(request: Request) -> Response:
        rows = "".join(
            f"<tr><td>{method.upper()}</td><td><code>{path}</code></td><td>{op['summary']}</td></tr>"
            for path, ops in OPENAPI["paths"].items() for method, op in ops.items()
        )
        return HTMLResponse(
            "<!doctype html><meta charset=utf-8><title>jazu API</title><h1>jazu API</h1>"
            f"<table>{rows}</table><p>The schema: <a href=/openapi.json>/openapi.json</a></p>"
        )

    async def index(request: Request) -> Response:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    async def api_error(request: Request, exc: Exception) -> Response:
        if isinstance(exc, ApiError):
            return JSONResponse({"error": exc.message}, status_code=exc.status)
        if isinstance(exc, JazuError):
            return JSONResponse({"error": str(exc)}, status_code=422)
        return JSONResponse({"error": "internal error"}, status_code=500)  # logged, never shown

    async def http_error(request: Request, exc: Any) -> Response:
        return JSONResponse({"error": exc.detail}, status_code=exc.status_code)

    from starlette.exceptions import HTTPException

    app = Starlette(
        routes=[
            Route("/", index),
            Route("/healthz", healthz),
            Route("/openapi.json", openapi),
            Route("/docs", docs),
            Route("/v1/convert", convert, methods=["POST"]),
            Route("/v1/explain", explain, methods=["POST"]),
            Route("/v1/convert-file", convert_file, methods=["POST"]),
            Mount("/static", StaticFiles(directory=STATIC), name="static"),
        ],
        exception_handlers={ApiError: api_error, JazuError: api_error, HTTPException: http_error, Exception: api_error},
    )
    return app


def serve(host: str = "127.0.0.1", port: int = 8000, lexicon: Optional[str] = None) -> None:
    import uvicorn

    uvicorn.run(create_app(lexicon), host=host, port=port, log_level="info")


_TEXT_BODY = {
    "type": "object",
    "required": ["text", "target"],
    "properties": {
        "text": {"type": "string"},
        "target": {"type": "string", "enum": ["arab", "cyrl", "latn"]},
        "source": {"type": "string", "enum": ["auto", "arab", "cyrl", "latn"], "default": "auto"},
        "tables": {"type": "string", "description": "a table version; the newest by default"},
        "case": {"type": "string", "enum": ["restore", "lower"]},
        "profile": {"type": "string", "enum": ["kazinform", "unicode", "xinjiang"]},
        "digits": {"type": "string", "enum": ["ascii", "arabic"]},
        "lexicon": {"type": "string", "description": "a user lexicon's text: word<TAB>reading lines"},
    },
}
_ERROR = {"description": "an error", "content": {"application/json": {"schema": {
    "type": "object", "properties": {"error": {"type": "string"}}}}}}
_ERRORS = {"400": _ERROR, "413": _ERROR, "422": _ERROR, "429": _ERROR}
OPENAPI: Dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "jazu", "version": "1", "description": "Kazakh script converter: Arabic, Cyrillic, Latin."},
    "paths": {
        "/v1/convert": {"post": {
            "summary": "Convert a text",
            "requestBody": {"required": True, "content": {"application/json": {"schema": _TEXT_BODY}}},
            "responses": {"200": {"description": "the text converted", "content": {"application/json": {"schema": {
                "type": "object", "properties": {"text": {"type": "string"}}}}}}, **_ERRORS},
        }},
        "/v1/explain": {"post": {
            "summary": "Convert a text and say why each word reads as it does",
            "requestBody": {"required": True, "content": {"application/json": {"schema": _TEXT_BODY}}},
            "responses": {"200": {"description": "the text and its words: reading, from, alternatives, score, uncertain"},
                          **_ERRORS},
        }},
        "/v1/convert-file": {"post": {
            "summary": "Convert a document (text, html, xml, jsonl, srt, vtt, md, docx)",
            "requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
                "type": "object", "required": ["file", "target"],
                "properties": {"file": {"type": "string", "format": "binary"}, "target": {"type": "string"},
                               "source": {"type": "string"}, "format": {"type": "string"},
                               "field": {"type": "string", "description": "JSONL: comma-separated dotted paths"},
                               "profile": {"type": "string"}, "digits": {"type": "string"}}}}}},
            "responses": {"200": {"description": "the document converted"}, **_ERRORS},
        }},
        "/healthz": {"get": {"summary": "Is the server up", "responses": {"200": {"description": "ok"}}}},
    },
}
