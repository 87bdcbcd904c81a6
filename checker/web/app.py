"""The Starlette application: pages, the upload API, downloads.

Pages are Jinja templates and scripts served from the package (no CDN: it
works offline). Uploads are parsed in memory (:mod:`.upload`), checked in the
batch's worker pool (:mod:`.jobs`) and kept under random ids. The page only
answers requests for its own host names (no DNS rebinding from a web site)
and refuses uploads posted by other sites' pages.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from checker.batch import Options
from checker.engine import pack_names
from checker.web import api
from checker.web.jobs import Store
from checker.web.upload import Limits, UploadError

HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=HERE / "templates")
LOCAL = ("127.0.0.1", "localhost", "::1", "[::1]")

#: Content Security Policy: only this server's own scripts, styles and images.
HEADERS = [
    (b"content-security-policy", b"default-src 'self'; img-src 'self' data: blob:"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
]


class Guard:
    """Answers only requests for the served host names (a web site cannot
    rebind its own name to 127.0.0.1 and read reports) and adds :data:`HEADERS`
    to every response. A plain ASGI middleware."""

    def __init__(self, app, hosts: list[str]) -> None:
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *HEADERS]
            await send(message)

        if "*" in self.hosts or _host(scope) in self.hosts:
            await self.app(scope, receive, send_with_headers)
            return
        refused = PlainTextResponse("只接受发往本机地址的请求", status_code=400)
        await refused(scope, receive, send_with_headers)


def _host(scope) -> str:
    host = dict(scope["headers"]).get(b"host", b"").decode("latin-1")
    if host.startswith("["):  # [::1]:8000
        return host[: host.find("]") + 1]
    return host.split(":")[0]


def error_response(request: Request, status: int, message: str) -> Response:
    """JSON ``{"error": 中文}`` for scripts, a Chinese page for a browser tab."""
    if "text/html" in request.headers.get("accept", ""):
        context = {"status": status, "message": message}
        return templates.TemplateResponse(
            request, "error.html", context, status_code=status
        )
    return JSONResponse({"error": message}, status_code=status)


async def _upload_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, UploadError)
    return error_response(request, exc.status, exc.message)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    messages = {
        404: "找不到该页面或检查结果（结果只保留一段时间）",
        405: "不支持该请求方式",
    }
    message = (
        exc.detail if exc.status_code not in messages else messages[exc.status_code]
    )
    return error_response(request, exc.status_code, message)


async def index(request: Request) -> Response:
    context = {"packs": pack_names(), "limits": request.app.state.limits}
    return templates.TemplateResponse(request, "index.html", context)


async def rules_page(request: Request) -> Response:
    from checker.web.rules import catalogue

    return templates.TemplateResponse(request, "rules.html", {"packs": catalogue()})


async def result_page(request: Request) -> Response:
    job = request.app.state.store.get(request.path_params["job"])
    if job is None:
        raise HTTPException(404)
    index = request.path_params.get("index")
    context = {"job": job.id, "index": "" if index is None else index}
    return templates.TemplateResponse(request, "result.html", context)


def allowed_hosts(host: str) -> list[str]:
    if host in ("0.0.0.0", "::", ""):
        return ["*"]
    return sorted({host, *LOCAL})


def same_origin(request: Request) -> None:
    """Refuse a form posted from another site's page (a simple CSRF guard)."""
    origin = request.headers.get("origin")
    if origin is None:
        return
    hosts = request.app.state.hosts
    if "*" not in hosts and (urlsplit(origin).hostname or "") not in hosts:
        raise UploadError(403, "拒绝来自其他网站的请求")


def create_app(
    host: str = "127.0.0.1",
    store: Store | None = None,
    limits: Limits | None = None,
    timeout: float = 60.0,
) -> Starlette:
    """The application; ``host`` is the address served (it decides allowed hosts)."""
    hosts = allowed_hosts(host)
    routes = [
        Route("/", index),
        Route("/rules", rules_page),
        Route("/jobs/{job}", result_page),
        Route("/jobs/{job}/{index:int}", result_page),
        *api.routes(same_origin),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    app = Starlette(
        routes=routes,
        middleware=[
            Middleware(Guard, hosts=hosts),
        ],
        exception_handlers={UploadError: _upload_error, HTTPException: _http_error},
    )
    app.state.store = store or Store()
    app.state.limits = limits or Limits()
    app.state.options = Options(timeout=timeout)
    app.state.hosts = hosts
    return app
