"""The local page's server through Starlette's test client: API, limits, isolation."""

from __future__ import annotations

import io
import socket
import tempfile
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor

import docx
import jsonschema
import openpyxl
import pytest
from click.testing import CliRunner
from conftest import seed_text
from readers_fixtures import docx_typed, zip_members
from starlette.testclient import TestClient

from checker.cli import main
from checker.formats.schema import report_schema
from checker.web import create_app
from checker.web.jobs import Store
from checker.web.upload import Limits


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(), base_url="http://127.0.0.1")


def submit(client: TestClient, files=(), **fields: str):
    parts = [("files", f) for f in files] + [(k, (None, v)) for k, v in fields.items()]
    return client.post("/api/check", files=parts or [("text", (None, ""))])


def finished(client: TestClient, job: str) -> dict:
    for _ in range(600):
        state = client.get(f"/api/jobs/{job}").json()
        if state["finished"]:
            return state
        time.sleep(0.05)
    raise AssertionError("the job never finished")


def check(client: TestClient, files=(), **fields: str) -> dict:
    response = submit(client, files, **fields)
    assert response.status_code == 202, response.text
    return finished(client, response.json()["id"])


def test_pasted_text_gives_the_checklist_findings_and_lines(client) -> None:
    state = check(client, text=seed_text("000"))
    (row,) = state["rows"]
    assert row["name"] == "粘贴的文本.txt"
    assert row["verdict"] == "不通过"
    assert row["marks"]["shortcomings"] in ("✗", "△")
    detail = client.get(f"/api/jobs/{state['id']}/documents/0").json()
    assert detail["lines"] == seed_text("000").splitlines()
    assert [item["id"] for item in detail["checklist"]][0] == "measures"
    missing = next(f for f in detail["findings"] if f["rule"].startswith("numbering/"))
    line = detail["lines"][missing["line"] - 1]
    assert line[missing["column"] - 1 :].startswith(missing["text"])
    assert missing["where"].startswith(f"第{missing['line']}行")


def test_docx_upload_numbers_paragraphs(client) -> None:
    data = docx_typed(seed_text("002"))
    state = check(client, [("小王庄镇.docx", data, "application/octet-stream")])
    detail = client.get(f"/api/jobs/{state['id']}/documents/0").json()
    assert detail["unit"] == "段"
    assert detail["report"]["format"] == "docx"
    assert detail["lines"][0] == seed_text("002").splitlines()[0]


def test_json_download_is_the_schema_document(client) -> None:
    state = check(client, [(f"{p}.txt", seed_text(p).encode()) for p in ("001", "003")])
    response = client.get(f"/api/jobs/{state['id']}/report.json")
    assert "attachment" in response.headers["content-disposition"]
    whole = response.json()
    jsonschema.Draft202012Validator(report_schema()).validate(whole)
    assert [d["path"] for d in whole["documents"]] == ["001.txt", "003.txt"]
    one = client.get(f"/api/jobs/{state['id']}/documents/1/report.json")
    assert "filename*=UTF-8''003-" in one.headers["content-disposition"]
    assert [d["path"] for d in one.json()["documents"]] == ["003.txt"]


def test_annotated_docx_has_a_comment_per_finding(client) -> None:
    state = check(client, text=seed_text("004"))
    docx_response = client.get(f"/api/jobs/{state['id']}/documents/0/annotated.docx")
    assert docx_response.status_code == 200
    assert "%E6%89%B9%E6%B3%A8.docx" in docx_response.headers["content-disposition"]
    report = client.get(f"/api/jobs/{state['id']}/documents/0/report.json").json()
    findings = report["documents"][0]["findings"]
    with zipfile.ZipFile(io.BytesIO(docx_response.content)) as package:
        comments = package.read("word/comments.xml").decode("utf-8")
    assert comments.count("<w:comment ") == len(findings) + 1  # and the checklist
    assert docx.Document(io.BytesIO(docx_response.content)).paragraphs


def test_xlsx_scorecard_has_a_row_per_report(client) -> None:
    state = check(client, [(f"{p}.txt", seed_text(p).encode()) for p in ("001", "003")])
    xlsx = client.get(f"/api/jobs/{state['id']}/scorecard.xlsx")
    assert xlsx.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(xlsx.content))
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert len(rows) == 3  # the header and two reports
    assert any("001.txt" in str(cell) for cell in rows[1])


def test_bad_input_is_a_row_not_a_failure(client) -> None:
    files = [("空.txt", b""), ("二进制.txt", bytes(range(256)) * 4), ("好.txt", b"")]
    files[2] = ("好.txt", seed_text("002").encode())
    state = check(client, files)
    reasons = [row["error"] for row in state["rows"]]
    assert reasons[0] == "文件为空"
    assert "不是文本文件" in reasons[1]
    assert reasons[2] is None
    assert [row["status"] for row in state["rows"]] == ["error", "error", "fail"]


def test_uploads_never_touch_the_disk(client, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    big = (seed_text("000") * 200).encode()  # over Starlette's 1 MB spooling size
    assert len(big) > 2 * 1024 * 1024
    files = [("大.txt", big), ("小.docx", docx_typed(seed_text("002")))]
    state = check(client, files, text=seed_text("001"))
    assert [row["status"] for row in state["rows"]] == ["fail", "fail", "fail"]
    client.get(f"/api/jobs/{state['id']}/documents/0")
    written = [p.name for p in tmp_path.iterdir()]
    # the grammar's parser cache (lark, cache=True) is no upload
    assert [name for name in written if not name.startswith(".lark_cache")] == []


def test_file_names_are_display_names_only(client) -> None:
    state = check(client, [("../../etc/密码\u202e.txt", seed_text("002").encode())])
    assert state["rows"][0]["name"] == "密码.txt"


def test_zip_packets_are_opened_in_memory_with_limits(client) -> None:
    packet = zip_members(
        {
            "报告/000.txt": seed_text("000").encode(),
            "报告/001.docx": docx_typed(seed_text("001")),
            "说明.png": b"\x89PNG",
        }
    )
    bomb = zip_members({"炸弹.txt": bytes(8 << 20)})
    files = [("收件.zip", packet), ("炸弹.zip", bomb)]
    state = check(client, files, rules="fazhi-2015")
    names = [row["name"] for row in state["rows"]]
    # the names check gives them: packet.zip!/inner
    assert names == ["收件.zip!/报告/000.txt", "收件.zip!/报告/001.docx", "炸弹.zip"]
    assert state["rows"][2]["error"] == "压缩包解压后过大（疑似 zip 炸弹）"
    assert state["skipped"] == ["收件.zip!/说明.png"]
    broken = check(client, [("坏.zip", b"PK\x03\x04 not really")])
    assert "压缩包" in broken["rows"][0]["error"]


def test_limits_refuse_with_chinese_messages() -> None:
    limits = Limits(file_bytes=2000, total_bytes=10_000, files=3)
    small = TestClient(create_app(limits=limits), base_url="http://127.0.0.1")
    big = submit(small, [("大.txt", b"x" * 2001)])
    assert big.status_code == 413
    assert big.json()["error"] == "文件“大.txt”过大（上限 0.00190735 MB）"
    many = submit(small, [(f"{i}.txt", b"x") for i in range(4)])
    assert (many.status_code, many.json()["error"]) == (413, "一次最多上传 3 个文件")
    total = submit(
        small, [(f"{i}.txt", b"x" * 1900) for i in range(3)], text="y" * 5000
    )
    assert total.status_code == 413
    assert "上传总量过大" in total.json()["error"]
    packet = zip_members({f"{i}.txt": b"x" for i in range(4)})
    zipped = submit(small, [("多.zip", packet)])
    assert zipped.status_code == 413
    assert "一次最多检查 3 份报告" in zipped.json()["error"]


def test_bad_requests(client) -> None:
    nothing = submit(client, text="   ")
    assert (nothing.status_code, nothing.json()["error"]) == (
        400,
        "请选择要检查的文件，或粘贴报告全文",
    )
    form = client.post("/api/check", data={"text": "一、"})
    assert form.status_code == 400 and "multipart/form-data" in form.json()["error"]
    pack = submit(client, text="报告", rules="../../etc/passwd")
    assert pack.status_code == 400 and "规则包" in pack.json()["error"]
    year = submit(client, text="报告", year="二〇二〇")
    assert year.status_code == 400 and "年度" in year.json()["error"]
    assert client.get("/api/jobs/guess").status_code == 404
    page = client.get("/jobs/guess", headers={"accept": "text/html"})
    assert page.status_code == 404 and "找不到" in page.text


def test_other_sites_cannot_post_or_rebind() -> None:
    client = TestClient(create_app(), base_url="http://127.0.0.1")
    posted = client.post(
        "/api/check",
        files=[("text", (None, "报告"))],
        headers={"origin": "http://evil.example"},
    )
    assert posted.status_code == 403
    rebound = client.get("/", headers={"host": "evil.example"})
    assert (rebound.status_code, rebound.text) == (400, "只接受发往本机地址的请求")
    page = client.get("/")
    assert "script-src" not in page.headers["content-security-policy"]
    assert page.headers["content-security-policy"].startswith("default-src 'self'")


def test_concurrent_users_each_see_their_own_report(client) -> None:
    prefixes = ["000", "001", "002", "003", "004", "002"]

    def one(prefix: str) -> tuple[str, dict, dict]:
        response = submit(client, [(f"{prefix}.txt", seed_text(prefix).encode())])
        job = response.json()["id"]
        state = finished(client, job)
        return prefix, state, client.get(f"/api/jobs/{job}/documents/0").json()

    with ThreadPoolExecutor(len(prefixes)) as pool:
        results = list(pool.map(one, prefixes))
    ids = {state["id"] for _, state, _ in results}
    assert len(ids) == len(prefixes)
    for prefix, state, detail in results:
        assert [row["name"] for row in state["rows"]] == [f"{prefix}.txt"]
        assert detail["lines"] == seed_text(prefix).splitlines()


def test_store_keeps_few_jobs_and_forgets_expired_ones() -> None:
    store = Store(ttl=3600, max_jobs=2)
    client = TestClient(create_app(store=store), base_url="http://127.0.0.1")
    first = check(client, text="一、")["id"]
    check(client, text="二、")
    check(client, text="三、")
    assert client.get(f"/api/jobs/{first}").status_code == 404
    last = check(client, text="四、")["id"]
    store.ttl = 0
    assert client.get(f"/api/jobs/{last}").status_code == 404


def test_rules_page_explains_every_rule(client) -> None:
    page = client.get("/rules").text
    for rule in ("numbering/sequence", "checklist/missing-item", "meta/deadline"):
        assert f"<code>{rule}</code>" in page
    assert "不合规示例" in page and "如何修改" in page
    assert "fazhi-2015" in page and "gbt9704" in page


def test_static_files_are_served_from_the_package(client) -> None:
    for name in ("app.css", "upload.js", "result.js", "single.js", "batch.js"):
        assert client.get(f"/static/{name}").status_code == 200
    assert '<script src="/static/upload.js">' in client.get("/").text


def test_serve_says_so_when_the_port_is_taken() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--port", str(port)])
    assert result.exit_code == 2
    assert f"错误：无法监听 127.0.0.1:{port}" in result.stderr
