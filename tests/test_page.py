"""The page of `jazu serve`, in a real headless browser (Debian's chromium, driven by Selenium
with Debian's chromedriver; no browser is downloaded): type a text, see it converted, open an
uncertain word, pick another reading, download the lexicon. A screenshot is kept in
build/artifacts/page.png (the README's is docs/page.png)."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from conftest import ROOT

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
if not (CHROMIUM and DRIVER):
    if os.environ.get("CI"):
        raise RuntimeError("CI needs chromium and chromium-driver (.ci/run installs them)")
    pytest.skip("no chromium and chromedriver here (apt-get install chromium chromium-driver)", allow_module_level=True)

pytest.importorskip("selenium")
uvicorn = pytest.importorskip("uvicorn")
from selenium import webdriver  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as ready  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

from jazu.serve import create_app  # noqa: E402


@pytest.fixture(scope="module")
def server():  # type: ignore[no-untyped-def]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    for _ in range(200):
        if running.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(10)


@pytest.fixture()
def browser(tmp_path: Path):  # type: ignore[no-untyped-def]
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,900"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": str(tmp_path),
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path=DRIVER), options=options)
    yield driver
    driver.quit()


def _downloaded(path: Path) -> str:
    """A file the browser downloads, once it is there (at most 10 s)."""
    for _ in range(100):
        if path.exists():
            break
        time.sleep(0.1)
    return path.read_text(encoding="utf-8")


def test_type_convert_pick_and_download(server: str, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wait = WebDriverWait(browser, 30)
    browser.get(server + "/")
    Select(browser.find_element(By.ID, "source")).select_by_value("arab")
    Select(browser.find_element(By.ID, "target")).select_by_value("cyrl")
    browser.find_element(By.ID, "input").send_keys("ول كومپيۋتەرلەنگەن جۇيە")
    browser.find_element(By.ID, "convert").click()
    wait.until(ready.text_to_be_present_in_element((By.ID, "output"), "Ол компьютерленген жүйе"))
    word = browser.find_element(By.CSS_SELECTOR, "#output button.uncertain")
    assert word.text == "компьютерленген"
    word.click()
    wait.until(ready.visibility_of_element_located((By.ID, "choices")))
    choices = browser.find_elements(By.CSS_SELECTOR, "#choices-list button")
    other = next(c for c in choices if c.text.startswith("компютерленген"))
    other.click()
    wait.until(ready.text_to_be_present_in_element((By.ID, "output"), "Ол компютерленген жүйе"))
    assert browser.find_element(By.ID, "pick-count").text == "1"
    Path(ROOT / "build" / "artifacts").mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(ROOT / "build" / "artifacts" / "page.png"))
    browser.find_element(By.ID, "download-lexicon").click()
    assert _downloaded(tmp_path / "jazu-lexicon.tsv") == "word\tкомпютерленген\n"
    # the pick is kept: the next text reads the word so, from the user lexicon
    area = browser.find_element(By.ID, "input")
    area.clear()
    area.send_keys("كومپيۋتەرلەنگەن")
    browser.find_element(By.ID, "convert").click()
    wait.until(ready.text_to_be_present_in_element((By.ID, "output"), "Компютерленген"))


def test_arabic_output_is_right_to_left_and_the_keyboard_works(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    wait = WebDriverWait(browser, 30)
    browser.get(server + "/")
    Select(browser.find_element(By.ID, "target")).select_by_value("arab")
    browser.find_element(By.ID, "input").send_keys("Қазақстан Республикасы")
    browser.find_element(By.ID, "convert").click()
    wait.until(ready.text_to_be_present_in_element((By.ID, "output"), "قازاقستان رەسپۋبليكاسى"))
    output = browser.find_element(By.ID, "output")
    assert output.get_attribute("dir") == "rtl" and output.get_attribute("lang") == "kk-Arab"
    # every control is reachable by Tab
    tabbable = browser.execute_script(
        "return [...document.querySelectorAll('select, textarea, button, input')].filter(e => e.tabIndex >= 0).length")
    assert tabbable >= 9


def test_load_a_lexicon_and_convert_a_document(server: str, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wait = WebDriverWait(browser, 30)
    browser.get(server + "/")
    browser.execute_script("localStorage.clear()")
    browser.get(server + "/")
    lexicon = tmp_path / "mine.tsv"
    lexicon.write_text("word\tкомпютерленген\n", encoding="utf-8")
    browser.find_element(By.ID, "load-lexicon").send_keys(str(lexicon))
    wait.until(ready.text_to_be_present_in_element((By.ID, "pick-count"), "1"))
    Select(browser.find_element(By.ID, "source")).select_by_value("arab")
    browser.find_element(By.ID, "input").send_keys("كومپيۋتەرلەنگەن")
    browser.find_element(By.ID, "convert").click()
    wait.until(ready.text_to_be_present_in_element((By.ID, "output"), "Компютерленген"))
    page = tmp_path / "page.html"
    page.write_text("<p title='Сәлем'>Қаз<b>ақ</b>стан</p>", encoding="utf-8")
    Select(browser.find_element(By.ID, "source")).select_by_value("cyrl")
    Select(browser.find_element(By.ID, "target")).select_by_value("latn")
    browser.find_element(By.ID, "document").send_keys(str(page))
    browser.find_element(By.ID, "convert-document").click()
    assert _downloaded(tmp_path / "page.latn.html") == "<p title='Sälem'>Qaz<b>aq</b>stan</p>"
