"""The local page in a real headless browser: Debian's chromium through Selenium.

The server is the real ``fazhi-check serve`` (uvicorn) on 127.0.0.1 and a free
port. Chromium and chromedriver come from Debian (``.ci/run`` installs them);
Selenium is given both paths, so Selenium Manager never downloads anything.
``FAZHI_SCREENSHOT=docs/web-result.png pytest tests/test_web_browser.py`` also
saves the result page the README shows.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import docx
import openpyxl
import pytest
from conftest import seed_text
from readers_fixtures import docx_typed
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import Select, WebDriverWait

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
MISSING = (
    "Debian's chromium and chromium-driver are required for the page's browser "
    "tests: apt-get install -y chromium chromium-driver (.ci/run does this)"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    port = free_port()
    command = [sys.executable, "-m", "checker", "serve", "--port", str(port)]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(200):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            assert process.poll() is None, process.stderr.read()
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(10)
    said = process.stderr.read()
    assert f"检查网页已启动：http://127.0.0.1:{port}/" in said
    assert "只监听 127.0.0.1" in said


@pytest.fixture(scope="module")
def downloads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(downloads: Path) -> Iterator[WebDriver]:
    if not (os.access(CHROMIUM, os.X_OK) and os.access(CHROMEDRIVER, os.X_OK)):
        pytest.fail(MISSING)
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager: never go online
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    options.add_argument("--window-size=1366,768")
    options.add_argument("--lang=zh-CN")
    options.add_experimental_option(
        "prefs",
        {
            "download.default_directory": str(downloads),
            "download.prompt_for_download": False,
        },
    )
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_window_size(1366, 768)
    try:
        yield driver
    finally:
        driver.quit()


def wait(driver: WebDriver, condition, seconds: float = 60):
    return WebDriverWait(driver, seconds).until(condition)


def visible(driver: WebDriver, css: str):
    return wait(driver, ec.visibility_of_element_located((By.CSS_SELECTOR, css)))


def upload(driver: WebDriver, base: str, field: str, paths: list[Path]) -> None:
    driver.get(base + "/")
    driver.find_element(By.ID, field).send_keys("\n".join(str(p) for p in paths))
    form = "one-form" if field == "one-file" else "batch-form"
    driver.find_element(By.CSS_SELECTOR, f"#{form} button[type=submit]").click()


def alert_text(driver: WebDriver) -> str:
    return visible(driver, "#message").text


def downloaded(folder: Path, name: str) -> Path:
    path = folder / name
    for _ in range(200):
        if path.is_file() and not list(folder.glob("*.crdownload")):
            return path
        time.sleep(0.05)
    raise AssertionError(f"{name} was not downloaded: {os.listdir(folder)}")


def screenshot(driver: WebDriver, path: str) -> None:
    """The whole result page (a taller window), the finding still in view."""
    driver.set_window_size(1366, 1000)
    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(path)
    driver.set_window_size(1366, 768)


def test_one_docx_shows_checklist_findings_and_downloads(
    server: str, browser: WebDriver, tmp_path: Path, downloads: Path
) -> None:
    report = tmp_path / "南城街道2018年报告.docx"
    report.write_bytes(docx_typed(seed_text("000")))
    upload(browser, server, "one-file", [report])
    visible(browser, "#single-heading")
    rows = browser.find_elements(By.CSS_SELECTOR, "table.checklist tbody tr")
    assert len(rows) == 5
    marks = [row.find_element(By.CSS_SELECTOR, ".mark").text for row in rows]
    assert all(mark[0] in "✓△✗" for mark in marks)
    assert marks[0] == "✓ 有"  # measures
    assert "结论：不通过" in browser.find_element(By.CSS_SELECTOR, ".verdict").text
    # "2加强……" lost its full stop: highlighted at its place in the document
    mark = browser.find_element(By.CSS_SELECTOR, "#doc mark.sev-warning, #doc mark")
    assert mark.text
    missing = browser.find_element(
        By.XPATH, "//button[contains(@class,'finding')][contains(., '序号')]"
    )
    number = missing.get_attribute("id")[1:]
    target = browser.find_element(By.ID, f"m{number}")
    missing.click()
    wait(browser, lambda d: d.switch_to.active_element == target)
    assert "current" in target.get_attribute("class")
    pane = browser.find_element(By.ID, "doc").rect
    shown = target.rect
    assert pane["y"] <= shown["y"] <= pane["y"] + pane["height"]
    late = browser.find_element(
        By.XPATH, "//button[contains(@class,'finding')][contains(., '晚于规定期限')]"
    )
    late.send_keys(Keys.ENTER)  # the keyboard does the same: a finding is a button
    published = browser.find_element(By.ID, f"m{late.get_attribute('id')[1:]}")
    wait(browser, lambda d: d.switch_to.active_element == published)
    assert published.text.startswith("发布日期")
    assert "current" not in target.get_attribute("class")
    if os.environ.get("FAZHI_SCREENSHOT"):
        screenshot(browser, os.environ["FAZHI_SCREENSHOT"])
    browser.find_element(By.LINK_TEXT, "下载 JSON 结果").click()
    saved = downloaded(downloads, "南城街道2018年报告-检查结果.json")
    document = json.loads(saved.read_text(encoding="utf-8"))["documents"][0]
    assert document["path"] == report.name
    assert document["format"] == "docx"
    browser.find_element(By.LINK_TEXT, "下载批注版 Word").click()
    annotated = downloaded(downloads, "南城街道2018年报告-批注.docx")
    comments = [c.text for c in docx.Document(annotated).comments]
    assert len(comments) == len(document["findings"]) + 1  # and the checklist


def test_batch_of_five_gives_a_sortable_filterable_scorecard(
    server: str, browser: WebDriver, tmp_path: Path, downloads: Path
) -> None:
    paths = []
    for prefix in ("000", "001", "002", "003", "004"):
        path = tmp_path / f"{prefix}.txt"
        path.write_text(seed_text(prefix), encoding="utf-8")
        paths.append(path)
    upload(browser, server, "batch-files", paths)
    visible(browser, "#batch-heading")
    rows = browser.find_elements(By.CSS_SELECTOR, "table.scorecard tbody tr")
    assert len(rows) == 5
    assert "null" not in browser.find_element(By.ID, "batch").text
    errors_header = browser.find_element(By.XPATH, "//th/button[.='错误']")
    errors_header.click()

    def column(index: int) -> list[str]:
        cells = f"table.scorecard tbody tr > :nth-child({index})"
        return [c.text for c in browser.find_elements(By.CSS_SELECTOR, cells)]

    position = len(browser.find_elements(By.CSS_SELECTOR, "thead th")) - 2
    counts = [int(text) for text in column(position)]
    assert counts == sorted(counts)
    th = errors_header.find_element(By.XPATH, "..")
    assert th.get_attribute("aria-sort") == "ascending"
    errors_header.click()
    assert [int(t) for t in column(position)] == sorted(counts, reverse=True)
    assert th.get_attribute("aria-sort") == "descending"
    Select(browser.find_element(By.ID, "f-item")).select_by_visible_text("不足原因")
    Select(browser.find_element(By.ID, "f-status")).select_by_visible_text("✗ 缺")
    shown = browser.find_elements(By.CSS_SELECTOR, "table.scorecard tbody tr")
    assert 0 < len(shown) < 5
    assert browser.find_element(By.ID, "shown").text == f"显示 {len(shown)} / 5 份"
    browser.find_element(By.LINK_TEXT, "下载 Excel 汇总表").click()
    saved = downloaded(downloads, "fazhi-check.xlsx")
    assert len(list(openpyxl.load_workbook(saved).worksheets[0].iter_rows())) == 6
    shown[0].find_element(By.TAG_NAME, "a").click()
    visible(browser, "#single-heading")
    assert browser.find_element(By.LINK_TEXT, "返回汇总表")


def test_empty_and_oversized_files_get_chinese_errors(
    server: str, browser: WebDriver, tmp_path: Path
) -> None:
    empty = tmp_path / "空白.docx"
    empty.write_bytes(b"")
    upload(browser, server, "one-file", [empty])
    verdict = visible(browser, ".verdict").text
    assert verdict == "结论：无法检查（文件为空）"
    huge = tmp_path / "超大.pdf"
    with huge.open("wb") as out:
        out.truncate(60 * 1024 * 1024)
    upload(browser, server, "one-file", [huge])
    assert alert_text(browser) == "文件“超大.pdf”过大（上限 50 MB）"


def test_rules_page_lists_the_packs(server: str, browser: WebDriver) -> None:
    browser.get(server + "/rules")
    summary = browser.find_element(
        By.XPATH,
        "//section[@id='pack-fazhi-2019']//summary[contains(., 'numbering/sequence')]",
    )
    summary.send_keys(Keys.SPACE)  # keyboard opens the explanation
    details = summary.find_element(By.XPATH, "..")
    wait(browser, lambda d: details.get_attribute("open") is not None)
    assert "不合规示例" in details.text and "如何修改" in details.text


def test_keyboard_reaches_the_form_in_order_and_pasted_text_is_checked(
    server: str, browser: WebDriver
) -> None:
    browser.get(server + "/")
    ActionChains(browser).send_keys(Keys.TAB).perform()
    order = []
    for _ in range(12):
        active = browser.switch_to.active_element
        order.append(active.get_attribute("id") or active.tag_name)
        if active.get_attribute("id") == "one-file":
            zone = browser.find_element(By.CSS_SELECTOR, "label[for=one-file]")
            assert zone.value_of_css_property("outline-style") == "solid"
        if active.tag_name == "button":
            break
        ActionChains(browser).send_keys(Keys.TAB).perform()
    assert order[0] == "a"  # the skip link, then the navigation
    assert order[-4:] == ["one-file", "one-text", "summary", "button"]
    text = browser.find_element(By.ID, "one-text")
    browser.execute_script("arguments[0].value = arguments[1]", text, seed_text("002"))
    browser.find_element(By.CSS_SELECTOR, "#one-form button").send_keys(Keys.ENTER)
    heading = visible(browser, "#single-heading")
    assert heading.text == "检查结果：粘贴的文本.txt"
    assert browser.switch_to.active_element == heading
