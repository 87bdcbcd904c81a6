"""Legacy binary Word (.doc), WPS (.wps) and RTF through an external converter.

These formats have no maintained pure-Python reader, so the checker borrows
LibreOffice (``soffice --headless --convert-to txt``) or, for .doc only,
antiword, whichever is installed. Both run with a timeout in a private temp
directory; without either the error says what to install. Each paragraph
becomes one line, so findings count paragraphs (第N段) as for .docx.

antiword does not print Word's automatic list numbering (一、 （一） set by
the list feature rather than typed): those headings arrive without their
markers. LibreOffice prints them, and is tried first.

The temporary folder holds a copy of a submitted, possibly confidential,
document: it is removed whatever ends the conversion (success, error, the
converter's timeout, or the batch stopping the worker with SIGTERM on its own
timeout, Ctrl-C or SIGTERM). A converter runs in a process group of its own,
killed as a whole, so no LibreOffice is left running without a parent.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from checker.source.decode import InputError, decode

#: Seconds a converter may run; LibreOffice's first start alone can take ~10 s.
TIMEOUT = 120
_MISSING = "需要安装 LibreOffice（soffice）或 antiword 才能读取 .doc/.wps 文件"
_MISSING_RTF = "需要安装 LibreOffice（soffice）才能读取 RTF 格式的 .doc 文件"
_SUFFIX = {"ole2": ".doc", "rtf": ".rtf"}


def read_legacy(data: bytes, path: str, fmt: str = "ole2") -> str:
    """Convert and return the document's text; raise InputError in Chinese."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    antiword = shutil.which("antiword") if fmt == "ole2" else None
    if not soffice and not antiword:
        raise InputError(path, _MISSING if fmt == "ole2" else _MISSING_RTF)
    with tempfile.TemporaryDirectory(prefix="fazhi-") as tmp:
        source = Path(tmp) / f"input{_SUFFIX.get(fmt, '.doc')}"
        source.write_bytes(data)
        if soffice:
            out = _run_soffice(soffice, source, Path(tmp), path)
        else:
            out = _run([antiword, "-w", "0", str(source)], path, Path(tmp))
    text, _ = decode(out, path)
    # Converters end paragraphs with CRLF or form feeds; one paragraph, one line.
    text = text.replace("\r\n", "\n").replace("\f", "\n")
    if not soffice:  # antiword sets a blank line between paragraphs: not text
        text = "\n".join(line for line in text.split("\n") if line.strip())
    return text


def _run_soffice(soffice: str, source: Path, tmp: Path, path: str) -> bytes:
    # A private profile: a user's running LibreOffice would otherwise swallow the job.
    profile = (tmp / "profile").as_uri()
    command = [
        soffice,
        f"-env:UserInstallation={profile}",
        "--headless",
        "--norestore",
        "--convert-to",
        "txt:Text (encoded):UTF8",
        "--outdir",
        str(tmp),
        str(source),
    ]
    _run(command, path, tmp)
    result = source.with_suffix(".txt")
    if not result.exists():
        raise InputError(path, "LibreOffice 未能转换该文件（文件可能已损坏）")
    return result.read_bytes()


def _run(command: list[str], path: str, tmp: Path) -> bytes:
    # LibreOffice writes lu*.tmp files with document content to TMPDIR.
    env = dict(os.environ, HOME=str(tmp), TMPDIR=str(tmp))
    try:
        # Own process group: soffice forks soffice.bin, which a plain kill would
        # leave running (and holding our pipes) after a timeout.
        process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            env=env,
            cwd=tmp,
            start_new_session=True,
        )
    except OSError as exc:
        raise InputError(path, f"无法运行转换程序（{exc.strerror or exc}）") from None
    try:
        out, _ = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        _kill_group(process)
        raise InputError(path, f"转换超时（超过 {TIMEOUT} 秒）") from None
    except BaseException:  # stopped (SIGTERM -> SystemExit): take it along
        _kill_group(process)
        raise
    if process.returncode != 0:
        name = Path(command[0]).name
        raise InputError(
            path, f"{name} 转换失败（退出码 {process.returncode}），文件可能已损坏"
        )
    return out


def _kill_group(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError, AttributeError):
        process.kill()
    try:
        process.wait(timeout=5)  # reap it; the pipes die with the group
    except subprocess.TimeoutExpired:
        pass
    for pipe in (process.stdout, process.stderr):
        if pipe:
            pipe.close()
