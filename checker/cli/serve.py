"""``fazhi-check serve``: the local web page for drafters and supervisors."""

from __future__ import annotations

import socket

import click

from checker.cli.common import EXIT_ERROR

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="监听地址")
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(1, 65535),
    help="端口",
)
@click.option(
    "--timeout",
    default=60.0,
    show_default=True,
    type=click.FloatRange(min=1),
    help="单个文件的检查时限（秒）",
)
def serve(host: str, port: int, timeout: float) -> None:
    """启动本机网页：在浏览器中上传报告，查看检查清单和问题，下载结果。"""
    try:
        import uvicorn

        from checker.web import create_app
    except ImportError as error:  # a partial install without the web dependencies
        click.echo(f"错误：缺少网页所需的组件（{error.name}），请重新安装", err=True)
        raise SystemExit(EXIT_ERROR) from None
    _check_port(host, port)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"检查网页已启动：http://{shown}:{port}/ （按 Ctrl-C 停止）", err=True)
    if host in LOOPBACK:
        click.echo(f"只监听 {host}：只有本机能打开，报告不会离开这台电脑。", err=True)
    else:
        click.echo(
            f"注意：监听 {host}，同一网络中的其他电脑也能打开此网页并上传报告。",
            err=True,
        )
    uvicorn.run(
        create_app(host=host, timeout=timeout),
        host=host,
        port=port,
        log_level="warning",
    )


def _check_port(host: str, port: int) -> None:
    """Say in Chinese that the port is taken (uvicorn would log it in English)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            reason = error.strerror or str(error)
            click.echo(f"错误：无法监听 {host}:{port}（{reason}）", err=True)
            raise SystemExit(EXIT_ERROR) from None
