"""Running a template within its time and output limits.

The time limit is an alarm signal (``setitimer``) where one can be delivered, the main
thread, so that even a loop that calls nothing is stopped; everywhere the sandbox's own
deadline check (in every call, lookup and operator it intercepts) is the fallback. Output is
produced chunk by chunk with ``generate`` and counted as it comes; when it passes the limit
the error is thrown *into* the template, so that Jinja reports the line that was printing.
Citation templates run many times per letter, so a ``Budget`` is the time of all runs of one
formatter together.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Generator, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import FrameType
from typing import Any, cast

import jinja2

from policydraft import limits
from policydraft.templating.bounds import METER, Meter, OutputTooLarge, TemplateTimeout
from policydraft.templating.plain import plain_context
from policydraft.templating.sandbox import LetterSandbox


@dataclass
class Budget:
    """The template time one letter (or one citation formatter) may still spend, and the
    meter of what its runs have built (``templating.bounds``)."""

    seconds: float
    spent: float = 0.0
    meter: Meter = field(default_factory=Meter)

    @classmethod
    def standard(cls) -> Budget:
        return cls(float(limits.TEMPLATE_SECONDS.value))

    @contextmanager
    def running(self, environment: LetterSandbox) -> Iterator[None]:
        remaining = max(self.seconds - self.spent, 0.001)
        started = time.monotonic()
        environment.deadline = started + remaining
        metering = METER.set(self.meter)
        try:
            with _alarm(remaining):
                yield
        finally:
            METER.reset(metering)
            environment.deadline = None
            self.spent += time.monotonic() - started


def compile_bounded(environment: LetterSandbox, name: str, budget: Budget) -> jinja2.Template:
    """The template ``name``, compiled within the time budget (a large file is slow to compile)."""
    with budget.running(environment):
        return environment.get_template(name)


def render_bounded(template: jinja2.Template, context: Mapping[str, Any], budget: Budget) -> str:
    """The template's output for ``context`` (converted to plain data here, for every
    template policydraft runs), stopped at the time and output limits."""
    environment = template.environment
    assert isinstance(environment, LetterSandbox)
    variables = plain_context(context)
    limit = limits.TEMPLATE_OUTPUT_BYTES.value
    with budget.running(environment):
        stream = cast(Generator[str, None, None], template.generate(variables))
        chunks: list[str] = []
        size = 0
        for chunk in stream:
            size += len(chunk.encode("utf-8", "surrogatepass"))
            if size > limit:
                stream.throw(OutputTooLarge())  # raised again at the template's line
            chunks.append(chunk)
    return "".join(chunks)


def _raise_timeout(signum: int, frame: FrameType | None) -> None:
    raise TemplateTimeout()


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    """Raise ``TemplateTimeout`` wherever the code is after ``seconds`` (main thread only)."""
    if (
        not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return
    previous = signal.signal(signal.SIGALRM, _raise_timeout)
    outer, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    started = time.monotonic()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:  # someone else's alarm was pending: give it back what is left of it
            signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - started), 1e-3))
