"""Command line: the only place that touches files, stdout/stderr and exit codes."""

from __future__ import annotations

import click

from checker import __version__
from checker.commands.outline import outline


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="fazhi-check")
def main() -> None:
    """法治政府建设年度报告合规检查工具。"""


main.add_command(outline)
