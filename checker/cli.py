"""Command line: the only place that touches files, stdout/stderr and exit codes."""

from __future__ import annotations

import click

from checker import __version__
from checker.commands.check import check
from checker.commands.outline import outline
from checker.commands.rules import explain, rules_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="fazhi-check")
def main() -> None:
    """法治政府建设年度报告合规检查工具。"""


main.add_command(outline)
main.add_command(check)
main.add_command(rules_command)
main.add_command(explain)
