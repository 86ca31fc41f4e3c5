"""Publishing a built site atomically: build into a fresh folder, swap it in only when all is done.

``Publication(site)`` takes a lock beside the site folder (a second build waits for the first),
hands out a fresh, empty folder beside it on the same file system, and either ``commit``s it (one
atomic exchange of the two folders, the previous site then removed) or ``abandon``s it (removed,
the published site untouched). A build that is interrupted, fails or crashes between the two
never touches the published folder; leftovers of a killed build are removed by the next one.

A ``site`` that is a symbolic link (a web server's root pointing at the build) is published
through: the link stays, and the folder it points to is the one replaced in one step.

The site folder is checked with ``outputs.refusal`` before anything is built, and the new site
carries ``outputs.OUTPUT_MARK``.

No MkDocs here: the MkDocs adapter calls these at the start and the end of a build.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import fcntl
import os
import shutil
import signal
import tempfile
from collections.abc import Callable
from pathlib import Path

from .outputs import mark_output, real_path, refusal


class PublishError(Exception):
    """A Finnish message: the site cannot be published, and the previous one is as it was."""


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2); False when the system cannot."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    error = ctypes.get_errno()
    if error in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: the file system cannot exchange
        return False
    raise OSError(error, os.strerror(error), str(a))


class Publication:
    def __init__(self, site: Path, *, waiting: Callable[[str], None] = lambda message: None):
        self.link = Path(os.path.abspath(site))
        self.site = real_path(self.link)  # a link stays; the folder it points to is replaced
        self.parent = self.site.parent
        self.staging: Path | None = None
        self._lock: int | None = None
        self._waiting = waiting

    @property
    def _prefix(self) -> str:
        return f".{self.site.name}."

    def begin(self) -> Path:
        """Lock, check that the site can be replaced, and return the fresh folder to build into."""
        refused = refusal(self.link)
        if refused is not None:
            raise PublishError(f"sivustoa ei rakennettu: {refused}")
        try:
            self.parent.mkdir(parents=True, exist_ok=True)
            self._lock = os.open(self.parent / f"{self._prefix}lock", os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            raise PublishError(self._cannot_write(error)) from None
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._waiting(
                f"toinen rakennus julkaisee parhaillaan hakemistoon {self.site}; odotetaan, että se valmistuu"
            )
            fcntl.flock(self._lock, fcntl.LOCK_EX)
        self._remove_leftovers()
        if self.site.exists() and not (self.site.is_dir() and os.access(self.site, os.W_OK | os.X_OK)):
            self.release()
            raise PublishError(
                f"sivustohakemistoa {self.site} ei voi korvata: siihen ei ole kirjoitusoikeutta "
                "(tai se ei ole hakemisto); edellinen sivusto jäi ennalleen"
            )
        try:
            self.staging = Path(tempfile.mkdtemp(prefix=f"{self._prefix}uusi-", dir=self.parent))
            assert self.staging is not None
            umask = os.umask(0)
            os.umask(umask)
            self.staging.chmod(0o777 & ~umask)  # like a folder made by hand, not mkdtemp's 0700
        except OSError as error:
            self.release()
            raise PublishError(self._cannot_write(error)) from None
        return self.staging

    def _cannot_write(self, error: OSError) -> str:
        return (
            f"hakemistoon {self.parent} ei voi kirjoittaa ({error.strerror}); sivustoa ei rakennettu, "
            "edellinen sivusto jäi ennalleen"
        )

    def _remove_leftovers(self) -> None:
        """Folders of earlier builds that were killed before they could clean up after themselves."""
        for path in self.parent.glob(f"{self._prefix}*-*"):
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)

    def commit(self, published: Callable[[], None] = lambda: None) -> None:
        """Put the built folder in the site's place in one step, call ``published``, then remove
        the previous site. Interrupted after the swap, ``abandon`` removes what is left of it."""
        assert self.staging is not None
        staging = self.staging
        try:
            mark_output(staging)
        except OSError as error:
            self.abandon()
            raise PublishError(self._cannot_write(error)) from None
        # Ctrl-C during the swap would leave it half done: signals wait until it is over.
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        try:
            if not self.site.exists():
                staging.rename(self.site)
                previous = None
            elif _exchange(staging, self.site):
                previous = staging  # the exchange left the previous site under the staging name
            else:
                previous = Path(tempfile.mkdtemp(prefix=f"{self._prefix}vanha-", dir=self.parent))
                previous.rmdir()
                self.site.rename(previous)
                staging.rename(self.site)
            self.staging = previous  # from here on, what abandon() removes is the previous site
            published()
        except OSError as error:
            self.abandon()
            raise PublishError(
                f"uutta sivustoa ei voitu siirtää hakemistoon {self.site} ({error.strerror}); "
                "edellinen sivusto jäi ennalleen"
            ) from None
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        self.abandon()

    def abandon(self) -> None:
        """Remove the half-built folder; the published site stays exactly as it was."""
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging = None
        self.release()

    def release(self) -> None:
        if self._lock is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(self._lock, fcntl.LOCK_UN)
                os.close(self._lock)
            self._lock = None
