"""How the preview server notices a save, and the theme environment it keeps (no MkDocs here).

Helpers for the adapter's ``on_serve`` and ``on_config`` under ``mkdocs serve``: an observer of
file events for MkDocs's live-reload server (watchdog, which MkDocs itself uses) and a Jinja
environment that lists its templates once.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import jinja2
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers.api import BaseObserver, ObservedWatch
from watchdog.observers.polling import PollingObserver

CHANGES = frozenset({"created", "deleted", "modified", "moved", "closed"})
"""File events that mean a change. Native events also report a file opened or read (MkDocs reads
the files it watches on every build: those events would start the next build, endlessly)."""
FILE_POLL_SECONDS = 0.5


class _ChangesOnly(FileSystemEventHandler):
    def __init__(self, handler: FileSystemEventHandler) -> None:
        self.handler = handler

    def dispatch(self, event: FileSystemEvent) -> None:
        if event.event_type in CHANGES:
            self.handler.dispatch(event)


def changes_only(observer_class: type[BaseObserver]) -> type[BaseObserver]:
    """``observer_class`` (the platform's native observer) passing its handlers only the events
    that change a file. A single watched file (mkdocs.yml) is polled instead: many editors save a
    file by writing a new one in its place, and a native watch follows the old file away."""

    class Observer(observer_class):  # type: ignore[valid-type, misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.files = PollingObserver(timeout=FILE_POLL_SECONDS)

        def schedule(self, event_handler: Any, path: str, *args: Any, **kwargs: Any) -> ObservedWatch:
            target: Any = self.files if os.path.isfile(path) else super()
            return target.schedule(  # type: ignore[no-any-return]
                _ChangesOnly(event_handler), path, *args, **kwargs
            )

        def unschedule(self, watch: ObservedWatch) -> None:
            try:
                super().unschedule(watch)
            except KeyError:
                self.files.unschedule(watch)

        def start(self) -> None:
            super().start()
            self.files.start()

        def stop(self) -> None:
            self.files.stop()
            super().stop()

        def join(self, timeout: float | None = None) -> None:
            if self.files.is_alive():
                self.files.join(timeout)
            super().join(timeout)

    return Observer


def listing_kept(env: jinja2.Environment) -> jinja2.Environment:
    """``env`` listing its loader's files once. MkDocs lists the theme's files on every build and
    keeps those its filter accepts; a filter that refuses a hidden name (``.icons/…``) is not
    asked about the thousands of files under hidden folders."""
    assert env.loader is not None
    names = env.loader.list_templates()

    def list_templates(extensions: Any = None, filter_func: Callable[[str], bool] | None = None) -> list[str]:
        listed = names
        if extensions is not None:
            listed = [n for n in listed if n.rpartition(".")[2] in extensions]
        if filter_func is None:
            return listed
        skip_hidden = not filter_func(".hidden/file")
        return [n for n in listed if not (skip_hidden and n.startswith(".")) and filter_func(n)]

    env.list_templates = list_templates  # type: ignore[method-assign]
    return env


def notice_saves_at_once(server: Any) -> Any:
    """MkDocs's live-reload ``server`` noticing a save when it happens, not at its next poll.

    MkDocs polls every file it watches twice a second (at 10,000 entries that alone is a quarter
    second on average before a build starts, and steady work for a core). The operating system's
    file events (inotify on Linux) tell at once. Left as it is when ``KB_SERVE_POLLING=1`` (network
    drives have no such events) or when the server is not the one this was written for (its
    watched paths in ``_watched_paths``, a polling observer not yet started)."""
    from watchdog.observers import Observer

    watched = getattr(server, "_watched_paths", None)
    if (
        os.environ.get("KB_SERVE_POLLING")
        or not isinstance(watched, dict)
        or not isinstance(getattr(server, "observer", None), PollingObserver)
        or server.observer.is_alive()
        or Observer is PollingObserver
    ):
        return server
    paths = dict(watched)
    for path, count in paths.items():
        for _ in range(count):
            server.unwatch(path)
    server.observer = changes_only(Observer)()  # type: ignore[call-arg, arg-type]
    for path, count in paths.items():
        for _ in range(count):
            server.watch(path)
    return server
