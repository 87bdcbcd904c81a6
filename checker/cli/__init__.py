"""Command line: the only place that touches files, stdout/stderr and exit codes."""

from __future__ import annotations

from importlib import import_module

import click

from checker import __version__
from checker.cli import zh

zh.install()  # click's usage errors and help headings in Chinese

#: Subcommand -> "module:attribute". Imported only when invoked: a drafter's
#: one-file check should not pay for tabulate or the outline code at start-up.
COMMANDS = {
    "outline": "checker.cli.outline:outline",
    "check": "checker.cli.check:check",
    "rules": "checker.cli.rules:rules_command",
    "explain": "checker.cli.rules:explain",
    "annotate": "checker.cli.annotate:annotate",
    "serve": "checker.cli.serve:serve",
    "history": "checker.cli.history:history",
}


class LazyGroup(click.Group):
    """A group whose subcommands load on first use (click's documented pattern)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return super().get_command(ctx, name)
        module, attribute = COMMANDS[name].split(":")
        command = getattr(import_module(module), attribute)
        if not isinstance(command, click.Command):
            raise TypeError(f"{COMMANDS[name]} is not a click command")
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="fazhi-check")
def main() -> None:
    """法治政府建设年度报告合规检查工具。"""
