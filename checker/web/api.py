"""The page's JSON API and downloads, under ``/api``.

``POST /api/check`` takes files (``files``, .zip packets opened), pasted
``text``, an optional ``rules`` pack and ``year``, and answers 202 with the
job's id; ``GET /api/jobs/{id}`` tells progress and, once finished, the
scorecard rows; ``…/documents/{i}`` one report with its text. Downloads:
JSON (``--format json``), and the annotated .docx and .xlsx scorecard through
:mod:`.hooks`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from checker.batch import Options
from checker.engine import Report, pack_names
from checker.web import hooks, view
from checker.web.jobs import Job, read_lines
from checker.web.upload import UploadError, read_upload
from checker.web.zipped import expand

PASTED = "粘贴的文本.txt"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def routes(guard: Callable[[Request], None]) -> list[Route]:
    async def check(request: Request) -> Response:
        guard(request)
        return await _check(request)

    return [
        Route("/api/check", check, methods=["POST"]),
        Route("/api/jobs/{job}", status),
        Route("/api/jobs/{job}/report.json", job_json),
        Route("/api/jobs/{job}/scorecard.xlsx", job_xlsx),
        Route("/api/jobs/{job}/documents/{index:int}", document),
        Route("/api/jobs/{job}/documents/{index:int}/report.json", document_json),
        Route("/api/jobs/{job}/documents/{index:int}/annotated.docx", document_docx),
    ]


async def _check(request: Request) -> Response:
    state = request.app.state
    upload = await read_upload(
        request.headers.get("content-type", ""), request.stream(), state.limits
    )
    options = _options(upload.fields, state.options)
    files = list(upload.files)
    if upload.fields.get("text", "").strip():
        files.append((PASTED, upload.fields["text"].encode("utf-8")))
    if not files:
        raise UploadError(400, "请选择要检查的文件，或粘贴报告全文")
    skipped: list[str] = []
    entries = expand(files, state.limits, skipped)
    if not entries:
        raise UploadError(
            400, "压缩包中没有可检查的报告（支持 .docx .doc .wps .pdf .html .txt）"
        )
    job = state.store.add(entries, options, skipped)
    body = {"id": job.id, "total": job.total, "url": f"/jobs/{job.id}"}
    return JSONResponse(body, status_code=202)


def _options(fields: dict[str, str], base: Options) -> Options:
    rules = fields.get("rules", "").strip() or None
    if rules is not None and rules not in pack_names():
        raise UploadError(400, f"没有名为“{rules[:40]}”的内置规则包")
    year_text = fields.get("year", "").strip()
    year = None
    if year_text:
        if not year_text.isdigit() or not 2000 <= int(year_text) <= 2100:
            raise UploadError(400, "报告年度应为 2000 至 2100 之间的四位数字")
        year = int(year_text)
    return dataclasses.replace(base, rules=rules, year=year)


def _job(request: Request, finished: bool = True) -> Job:
    job = request.app.state.store.get(request.path_params["job"])
    if job is None:
        raise HTTPException(404)
    if finished and not job.finished:
        raise UploadError(409, "检查尚未完成，请稍候")
    return job


def _report(request: Request) -> tuple[Job, int, Report]:
    job = _job(request)
    index = request.path_params["index"]
    if not 0 <= index < job.total:
        raise HTTPException(404)
    report = job.reports[index]
    assert report is not None  # a finished job has every report
    return job, index, report


async def status(request: Request) -> Response:
    return JSONResponse(view.progress(_job(request, finished=False)))


async def document(request: Request) -> Response:
    job, index, report = _report(request)
    timeout = request.app.state.options.timeout
    lines = await run_in_threadpool(read_lines, job, index, timeout)
    return JSONResponse(view.detail(index, report, lines))


def attachment(data: bytes, filename: str, media_type: str) -> Response:
    """A download named ``filename`` (Chinese names as RFC 6266 ``filename*``)."""
    ascii_name = filename.encode("ascii", "ignore").decode() or "download"
    disposition = (
        f'attachment; filename="{quote(ascii_name)}"; '
        f"filename*=UTF-8''{quote(filename)}"
    )
    return Response(
        data, media_type=media_type, headers={"content-disposition": disposition}
    )


def _stem(name: str) -> str:
    base = name.rsplit("/", 1)[-1]
    return base.rsplit(".", 1)[0] if "." in base else base


async def job_json(request: Request) -> Response:
    job = _job(request)
    data = view.json_download(job.finished_reports())
    return attachment(data, "fazhi-check.json", "application/json")


async def document_json(request: Request) -> Response:
    _, _, report = _report(request)
    data = view.json_download([report])
    return attachment(data, f"{_stem(report.path)}-检查结果.json", "application/json")


async def document_docx(request: Request) -> Response:
    job, index, report = _report(request)
    entry = job.entries[index]
    if not isinstance(entry, tuple):
        raise UploadError(400, "该文件无法读取，没有批注版")
    data = await _hook(request, hooks.annotated_docx, entry[1], entry[0], report)
    return attachment(data, f"{_stem(report.path)}-批注.docx", DOCX)


async def job_xlsx(request: Request) -> Response:
    job = _job(request)
    data = await _hook(request, hooks.scorecard_xlsx, job.finished_reports())
    return attachment(data, "fazhi-check.xlsx", XLSX)


async def _hook(request: Request, function: Callable, *args: object) -> bytes:
    try:
        return await run_in_threadpool(function, *args)
    except hooks.NotYet as missing:
        message = f"{missing.what}尚未提供：本版本还不能生成该文件，请先下载 JSON 结果"
        raise UploadError(501, message) from None
