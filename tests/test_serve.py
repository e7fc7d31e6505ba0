"""`jazu serve`'s HTTP API (src/jazu/serve/), through an in-process client: every endpoint, and
a 4xx JSON error for each kind of bad input, never a traceback."""

from __future__ import annotations

import asyncio
import io
import json

import pytest

pytest.importorskip("starlette")
httpx = pytest.importorskip("httpx")
from starlette.testclient import TestClient  # noqa: E402

from conftest import DATA  # noqa: E402
from jazu.serve import create_app  # noqa: E402

CLIENT = TestClient(create_app(), raise_server_exceptions=False)


def test_convert_and_the_readme_example() -> None:
    done = CLIENT.post("/v1/convert", json={"text": "Қазақстан", "target": "arab"})
    assert done.status_code == 200 and done.content.decode() == '{"text":"قازاقستان"}'
    done = CLIENT.post("/v1/convert", json={"text": "Qazaqstan", "target": "arab", "source": "latn", "profile": "unicode"})
    assert done.json() == {"text": "قازاقستان"}


def test_explain_and_a_user_lexicon() -> None:
    done = CLIENT.post("/v1/explain", json={"text": "ول كومپيۋتەرلەنگەن جۇيە", "target": "cyrl"})
    body = done.json()
    assert body["text"] == "Ол компьютерленген жүйе"
    unsure = [w for w in body["words"] if w["uncertain"]]
    assert unsure and unsure[0]["alternatives"] and {"reading", "from"} <= set(unsure[0]["alternatives"][0])
    # an editor's pick, sent back as a lexicon, is read first
    picked = CLIENT.post("/v1/explain", json={"text": "ول كومپيۋتەرلەنگەن جۇيە", "target": "cyrl",
                                             "lexicon": "word\tкомпютерленген\n"}).json()
    word = picked["words"][1]
    assert picked["text"] == "Ол компютерленген жүйе" and word["from"] == "user lexicon" and not word["uncertain"]
    # reading Latin too
    latin = {"text": "Seilon aralynda", "target": "cyrl", "source": "latn"}
    assert CLIENT.post("/v1/convert", json=latin).json() == {"text": "Сейлон аралында"}
    picked = CLIENT.post("/v1/explain", json={**latin, "lexicon": "word\tЦейлон\n"}).json()
    assert picked["text"] == "Цейлон аралында" and picked["words"][0]["from"] == "user lexicon"


def test_convert_file_keeps_the_format() -> None:
    page = (DATA / "formats" / "page.html").read_bytes()
    done = CLIENT.post("/v1/convert-file", files={"file": ("page.html", page)}, data={"target": "arab"})
    assert done.status_code == 200
    assert done.content == (DATA / "formats" / "page.arab.html").read_bytes()
    assert done.headers["content-disposition"] == 'attachment; filename="page.arab.html"'
    # a path in the name names no file of the server's
    done = CLIENT.post("/v1/convert-file", files={"file": ("../../etc/passwd", b"x")}, data={"target": "arab"})
    assert done.status_code == 200 and done.headers["content-disposition"] == 'attachment; filename="passwd.arab.txt"'


def test_healthz_openapi_docs_and_the_page() -> None:
    assert CLIENT.get("/healthz").json()["status"] == "ok"
    schema = CLIENT.get("/openapi.json").json()
    assert {"/v1/convert", "/v1/explain", "/v1/convert-file", "/healthz"} <= set(schema["paths"])
    assert "/v1/convert" in CLIENT.get("/docs").text
    page = CLIENT.get("/")
    assert page.status_code == 200 and "<textarea" in page.text and "cdn" not in page.text.lower()
    assert CLIENT.get("/static/app.js").status_code == 200


@pytest.mark.parametrize(
    "body,status,message",
    [
        (b"{bad", 400, "not JSON"),
        (b"\xff\xfe", 400, "not UTF-8"),
        (b"[1, 2]", 422, "a JSON object"),
        (json.dumps({"target": "arab"}).encode(), 422, "missing field 'text'"),
        (json.dumps({"text": 5, "target": "arab"}).encode(), 422, "text must be a string"),
        (json.dumps({"text": "x", "target": "greek"}).encode(), 422, "unknown script 'greek'"),
        (json.dumps({"text": "x", "target": "arab", "tables": "9"}).encode(), 422, "unknown table version"),
        (json.dumps({"text": "x", "target": "arab", "profile": "tote"}).encode(), 422, "unknown profile"),
        (json.dumps({"text": "x", "target": "cyrl", "lexicon": "word\tbad\n"}).encode(), 422, "bad"),
        (json.dumps({"text": "x", "target": "latn", "tables": "2"}).encode(), 422, "version 4"),
    ],
)
def test_bad_input_gets_a_clear_4xx(body: bytes, status: int, message: str) -> None:
    done = CLIENT.post("/v1/convert", content=body, headers={"content-type": "application/json"})
    assert done.status_code == status and message in done.json()["error"], done.text
    assert "Traceback" not in done.text


def test_bad_files() -> None:
    done = CLIENT.post("/v1/convert-file", content=b"x", headers={"content-type": "text/plain"})
    assert done.status_code == 400 and "multipart" in done.json()["error"]
    done = CLIENT.post("/v1/convert-file", files={"file": ("a.txt", b"\xff")}, data={"target": "arab"})
    assert done.status_code == 400 and "not UTF-8" in done.json()["error"]
    done = CLIENT.post("/v1/convert-file", files={"file": ("a.docx", b"no zip")}, data={"target": "arab"})
    assert done.status_code == 422 and "not a Word document" in done.json()["error"]
    done = CLIENT.post("/v1/convert-file", files={"file": ("a.txt", b"x")}, data={"target": "arab", "format": "pdf"})
    assert done.status_code == 422 and "unknown format" in done.json()["error"]
    assert CLIENT.post("/v1/convert-file", files={"file": ("a.txt", b"x")}).status_code == 422


def test_a_body_over_the_limit_is_413() -> None:
    small = TestClient(create_app(max_body=1000), raise_server_exceptions=False)
    done = small.post("/v1/convert", json={"text": "сөз " * 500, "target": "arab"})
    assert done.status_code == 413 and "at most 1000" in done.json()["error"]
    done = small.post("/v1/convert-file", files={"file": ("a.txt", io.BytesIO(b"x" * 5000))}, data={"target": "arab"})
    assert done.status_code == 413


def test_too_many_at_once_is_429_and_an_internal_error_is_500_without_a_traceback() -> None:
    app = create_app(workers=1, queue=0)

    async def many() -> list:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            text = "ءبىز قازاقستاندا تۇرامىز " * 3000
            return await asyncio.gather(*(client.post("/v1/convert", json={"text": text, "target": "cyrl"}) for _ in range(4)))

    codes = sorted(r.status_code for r in asyncio.run(many()))
    assert codes[0] == 200 and codes[-1] == 429
    broken = create_app()
    for route in broken.routes:
        if getattr(route, "path", "") == "/healthz":
            route.endpoint = route.app = None  # type: ignore[assignment]
    done = TestClient(broken, raise_server_exceptions=False).get("/healthz")
    assert done.status_code == 500 and done.json() == {"error": "internal error"}


def test_review_cases_names_surrogates_lexicon_paths_and_limits() -> None:
    done = CLIENT.post("/v1/convert-file", files={"file": ("мақала.html", "<p>Қазақ</p>".encode())}, data={"target": "arab"})
    assert done.status_code == 200 and done.text == "<p>قازاق</p>"
    assert "filename*=UTF-8''%D0%BC%D0%B0%D2%9B%D0%B0%D0%BB%D0%B0.arab.html" in done.headers["content-disposition"]
    done = CLIENT.post("/v1/convert", content=b'{"text": "\\ud800", "target": "arab"}', headers={"content-type": "application/json"})
    assert done.status_code == 422 and "lone surrogate" in done.json()["error"]
    done = CLIENT.post("/v1/convert", json={"text": "x", "target": "cyrl", "lexicon": "word\tbad\n"})
    assert done.status_code == 422 and done.json()["error"].startswith("lexicon:1:") and "/tmp" not in done.text
    done = CLIENT.post("/v1/explain", json={"text": "сөз " * 30000, "target": "arab"})
    assert done.status_code == 413 and "explain reads at most" in done.json()["error"]
    small = TestClient(create_app(max_body=1000), raise_server_exceptions=False)

    def chunks():  # no content-length: the limit still holds as the body arrives
        yield b"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\n"
        for _ in range(100):
            yield b"x" * 100
        yield b"\r\n--b--\r\n"

    done = small.post("/v1/convert-file", content=chunks(), headers={"content-type": "multipart/form-data; boundary=b"})
    assert done.status_code == 413
