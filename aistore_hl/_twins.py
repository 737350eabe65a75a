"""Async twins carry their sync twin's docstring, written once on the sync method.

``@twin_docs(Bucket)`` on ``AsyncBucket`` gives each of its methods that ``Bucket`` also has the
sync docstring: whole when the async method has none, or its own text followed by the sync's
sections (Args, Returns, Raises...) when it says something the sync text does not (tasks instead
of threads, ``async with``). tests/unit/test_parity.py checks that no twin lost them.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T", bound=type)

# Google-style section headers: a line that is only "Args:", "Returns:", ...
_SECTION = re.compile(r"^(Args|Arguments|Returns|Yields|Raises|Example|Examples|Note|Notes):\s*$", re.M)


def sections(doc: str | None) -> str:
    """The sections of a cleaned docstring, from its first section header on ("" if none)."""
    if not doc:
        return ""
    m = _SECTION.search(doc)
    return doc[m.start() :].rstrip() if m else ""


def twin_docs(sync_cls: type) -> Callable[[T], T]:
    """Class decorator: copy ``sync_cls``'s method docstrings onto the decorated async class.

    Args:
        sync_cls: The sync twin whose methods hold the documentation.

    Returns:
        The decorator; it changes the async class in place and returns it.
    """

    def apply(async_cls: T) -> T:
        for name, fn in vars(async_cls).items():
            sync_fn = getattr(sync_cls, name, None)
            if name.startswith("_") or not callable(fn) or sync_fn is None:
                continue
            sync_doc = inspect.getdoc(sync_fn) or ""
            own = inspect.cleandoc(fn.__doc__) if fn.__doc__ else ""
            m = _SECTION.search(own)
            own = own[: m.start()].rstrip() if m else own  # its sections are the sync's, copied
            fn.__doc__ = f"{own}\n\n{sections(sync_doc)}".strip() if own else sync_doc
        return async_cls

    return apply
