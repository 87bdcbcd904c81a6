"""``--format html`` in a real headless browser (Debian's chromium).

The page is opened offline from a file:// URL: sorting by a header click,
filtering and a report's details are the browser's doing, not a test client's.
chromium and chromedriver are required (``.ci/run`` installs them): without
them these tests fail, they are not skipped.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEEDS
from scorecard import batch, write

from checker.cli import main

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
HOSTILE = "<img src=x onerror=alert(1)>.txt"


@pytest.fixture(scope="module")
def browser() -> Iterator:
    if not (CHROMIUM.is_file() and CHROMEDRIVER.is_file()):
        pytest.fail(
            f"chromium and chromedriver are required ({CHROMIUM}, {CHROMEDRIVER}): "
            "apt-get install -y chromium chromium-driver"
        )
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--lang=zh-CN"):
        options.add_argument(flag)
    # An explicit driver path: Selenium Manager is never asked to download one.
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("in")
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, folder / seed.name)
    shutil.copy(next(SEEDS.glob("002_*")), folder / HOSTILE)
    target = folder.parent / "汇总.html"
    args = ["check", str(folder), "--format", "html", "-o", str(target), "-j", "1"]
    assert CliRunner().invoke(main, args).exit_code == 1
    return target


def column(browser, header: str) -> list[str]:
    heads = [th.text for th in browser.find_elements("css selector", "#scorecard th")]
    at = heads.index(header) + 1
    cells = f"#scorecard tbody tr:not([hidden]) td:nth-child({at})"
    return [td.text for td in browser.find_elements("css selector", cells)]


def click_header(browser, header: str) -> None:
    for th in browser.find_elements("css selector", "#scorecard th"):
        if th.text.rstrip(" ▲▼") == header:
            th.click()
            return
    raise AssertionError(header)


def test_sorting_by_a_header_click_orders_the_rows(browser, page: Path) -> None:
    browser.get(page.as_uri())
    assert browser.title == "法治政府建设年度报告检查汇总"
    assert column(browser, "年度") == ["2018", "2016", "2023", "2020", "2021", "2023"]
    click_header(browser, "年度")
    assert column(browser, "年度") == ["2016", "2018", "2020", "2021", "2023", "2023"]
    click_header(browser, "年度")
    assert column(browser, "年度")[0] == "2023"
    click_header(browser, "错误")  # numbers sort as numbers: 12 after 1
    assert column(browser, "错误")[-1] == "12"


def test_filtering_and_a_reports_details(browser, page: Path) -> None:
    browser.get(page.as_uri())
    browser.find_element("id", "filter").send_keys("南城街道")
    assert column(browser, "单位") == ["南城街道办事处"]
    assert browser.find_element("id", "shown").text == "1"
    details = browser.find_element("id", "r1")
    assert details.get_attribute("open") is None
    browser.find_element("link text", column(browser, "文件")[0]).click()
    assert details.get_attribute("open") == "true"
    assert "存在的不足和原因" in details.text and "第18行" in details.text
    assert "序号“2”后缺少标点" in details.text


def test_report_text_is_escaped_not_run(browser, page: Path) -> None:
    browser.get(page.as_uri())
    assert browser.find_elements("css selector", "#scorecard img") == []
    assert any(name.endswith(HOSTILE) for name in column(browser, "文件"))
    assert browser.find_elements("css selector", "svg#coverage rect")


def test_a_thousand_reports_in_one_page(browser, tmp_path: Path) -> None:
    reports = batch(1000)
    target = write("html", reports, tmp_path / "汇总.html")
    browser.get(target.as_uri())
    assert len(browser.find_elements("css selector", "#scorecard tbody tr")) == 1000
    assert len(browser.find_elements("css selector", "details[id^=r]")) == 1000
    assert browser.find_element("id", "shown").text == "1000"
