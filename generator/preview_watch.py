"""How the preview server notices a save, and the theme environment it keeps (no MkDocs here).

Helpers for the adapter's ``on_serve`` and ``on_config`` under ``mkdocs serve``: an observer of
file events for MkDocs's live-reload server (watchdog, which MkDocs itself uses), which keeps
watching a folder that is removed and made again, and a Jinja environment that lists its
templates once.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from typing import Any

import jinja2
from watchdog.events import FileCreatedEvent, FileSystemEvent, FileSystemEventHandler
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


class _Returning(FileSystemEventHandler):
    """Watches the folder that holds a watched folder (the content, say): when the watched folder
    is removed, moved away, or made or moved back in, ``handler`` hears of it, and a folder that
    came back is watched again. A native watch belongs to the folder it was made on: once that
    folder is gone, nothing done in a new folder of the same name would ever be noticed."""

    def __init__(self, path: str, handler: FileSystemEventHandler, again: Callable[[], None]) -> None:
        self.path = path
        self.handler = handler
        self.again = again

    def dispatch(self, event: FileSystemEvent) -> None:
        if event.event_type not in ("created", "deleted", "moved"):
            return
        paths = {os.fsdecode(event.src_path), os.fsdecode(getattr(event, "dest_path", b"") or b"")}
        if self.path not in paths:
            return
        if os.path.isdir(self.path):
            self.again()
        # A file event, not the folder's own: the dev server rebuilds on file events only.
        self.handler.dispatch(FileCreatedEvent(self.path))


def changes_only(observer_class: type[BaseObserver]) -> type[BaseObserver]:
    """``observer_class`` (the platform's native observer) passing its handlers only the events
    that change a file. A single watched file (mkdocs.yml) is polled instead: many editors save a
    file by writing a new one in its place, and a native watch follows the old file away. A
    watched folder's parent is watched too, so that the folder is watched again when it is removed
    and made again (``_Returning``)."""

    class Observer(observer_class):  # type: ignore[valid-type, misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.files = PollingObserver(timeout=FILE_POLL_SECONDS)
            self.returning: dict[ObservedWatch, tuple[ObservedWatch, _Returning]] = {}

        def schedule(self, event_handler: Any, path: str, *args: Any, **kwargs: Any) -> ObservedWatch:
            if os.path.isfile(path):
                return self.files.schedule(_ChangesOnly(event_handler), path, *args, **kwargs)
            handler = _ChangesOnly(event_handler)
            watch: ObservedWatch = super().schedule(handler, path, *args, **kwargs)
            folder = os.path.abspath(path)

            def again() -> None:
                with contextlib.suppress(KeyError):  # the watch may have ended with its folder
                    super(Observer, self).unschedule(watch)
                super(Observer, self).schedule(handler, path, *args, **kwargs)

            parent = os.path.dirname(folder)
            if parent != folder and os.path.isdir(parent):
                returning = _Returning(folder, event_handler, again)
                self.returning[watch] = (super().schedule(returning, parent, recursive=False), returning)
            return watch

        def unschedule(self, watch: ObservedWatch) -> None:
            kept = self.returning.pop(watch, None)
            if kept is not None:
                with contextlib.suppress(KeyError):
                    self.remove_handler_for_watch(kept[1], kept[0])
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
    file events (inotify on Linux) tell at once; ``KB_SERVE_POLLING=1`` keeps polling, for network
    drives that have no such events. Either way a watched folder that is removed and made again is
    watched again (``changes_only``). Left as it is when the server is not the one this was
    written for (its watched paths in ``_watched_paths``, a polling observer not yet started)."""
    from watchdog.observers import Observer

    watched = getattr(server, "_watched_paths", None)
    if (
        not isinstance(watched, dict)
        or not isinstance(getattr(server, "observer", None), PollingObserver)
        or server.observer.is_alive()
    ):
        return server
    polling = bool(os.environ.get("KB_SERVE_POLLING")) or Observer is PollingObserver
    paths = dict(watched)
    for path, count in paths.items():
        for _ in range(count):
            server.unwatch(path)
    server.observer = (
        changes_only(PollingObserver)(timeout=FILE_POLL_SECONDS)  # type: ignore[call-arg]
        if polling
        else changes_only(Observer)()  # type: ignore[call-arg, arg-type]
    )
    for path, count in paths.items():
        for _ in range(count):
            server.watch(path)
    return server
