"""``check``'s options for comparing reports: --similarity, --previous, --store.

Kept out of checker/cli/check.py so that the command stays one flow: this
module turns the options into the stream of reports the command writes.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from typing import TYPE_CHECKING, Any

import click

from checker.batch import Item, Options, check_all, discover
from checker.cli.common import EXIT_ERROR
from checker.cli.progress import Progress

if TYPE_CHECKING:
    from checker.batch.history import Priors
    from checker.engine import Report

_OPTIONS = (
    click.option(
        "--similarity/--no-similarity",
        default=None,
        help="比对同批报告，找出完全相同和大部分文字相同的报告（默认：两份及以上时比对）",
    ),
    click.option(
        "--similar-threshold",
        type=click.FloatRange(0.05, 1.0),
        default=0.6,
        show_default=True,
        help="两份报告相同文字达到该比例即报告雷同",
    ),
    click.option(
        "--previous",
        multiple=True,
        metavar="DIR|FILE|DB",
        help="往年报告（目录、文件或结果库，可重复）：对照同一单位上一年度报告",
    ),
    click.option(
        "--store",
        metavar="DB",
        default=None,
        help="把每份报告的检查结果记入结果库（SQLite 文件，不存在则新建）",
    ),
)


def related_options(command: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed(_OPTIONS):
        command = option(command)
    return command


@contextmanager
def related_reports(
    items: Sequence[Item],
    options: Options,
    jobs: int,
    *,
    similarity: bool | None,
    similar_threshold: float,
    previous: tuple[str, ...],
    store: str | None,
    quiet: bool = False,
) -> Iterator[Iterator[Report]]:
    """The reports to write: streamed by check_all when nothing is compared."""
    if similarity is None:
        similarity = len(items) >= 2
    if not (similarity or previous or store):
        yield check_all(items, options, jobs)
        return
    # Only now: the comparison needs numpy and datasketch, a single report not.
    from checker.batch.related import Related, check_related

    with ExitStack() as stack:
        recorder = _open_store(store, stack) if store else None
        priors = _priors(previous, options, jobs, quiet) if previous else None
        related = Related(similarity, similar_threshold, priors)
        bar = Progress(len(items), quiet=quiet) if similarity else None
        reports = check_related(
            items,
            options,
            jobs,
            related,
            record=recorder.record if recorder else None,
            checked=bar.advance if bar else None,
        )
        yield _after_first(reports, bar)


def _after_first(reports: Iterator[Report], bar: Progress | None) -> Iterator[Report]:
    """The checking bar gives way to the writing one at the first report."""
    try:
        for report in reports:
            if bar is not None:
                bar.close()
                bar = None
            yield report
    finally:
        if bar is not None:
            bar.close()


def _open_store(path: str, stack: ExitStack):
    from checker.batch.store import Store, StoreError

    try:
        return stack.enter_context(Store(path))
    except StoreError as error:
        click.echo(f"错误：{error}", err=True)
        sys.exit(EXIT_ERROR)


def _priors(
    paths: tuple[str, ...], options: Options, jobs: int, quiet: bool = False
) -> Priors:
    """Earlier reports from files (checked and fingerprinted now) or stores."""
    from checker.batch.history import Prior, index_priors
    from checker.batch.related import check_prints
    from checker.batch.store import Store, StoreError, is_store

    found: list[Prior] = []
    files = []
    for path in paths:
        if not is_store(path):
            files.extend(discover([path]))
            continue
        try:
            with Store(path) as store:
                found.extend(store.priors())
        except StoreError as error:
            click.echo(f"错误：{error}", err=True)
            sys.exit(EXIT_ERROR)
    for report, fp in check_prints(files, options, jobs, None):
        if fp is None and not quiet:
            click.echo(
                f"提示：往年报告 {report.path} 无法读取：{report.error}", err=True
            )
        elif fp is not None:
            found.append(Prior(report.path, fp))
    return index_priors(found)
