"""Where the test suite's CPU time goes: per test file, split by process (the test process, the
Playwright driver, Chromium's browser, page, GPU and network processes, other children).

    .venv/bin/python benchmarks/suite_cpu.py [PYTEST ARGS...]    # default: tests/browser

The tests run in this one process (no pytest-xdist), so every figure belongs to one test at a
time. Before and after each test the CPU time (user + system) of this process and of every
process below it is read from /proc; a process that ended during the test is counted in the
process that waited for it (a closed page's process in Chromium's browser process, a finished
build or server started by a test in "muu"). The whole
machine's busy share over the run is read from /proc/stat. Prints one row per file, the longest
first, and the totals with each kind of process's share.

`make test` runs on two cores in parallel and is bound by their CPU (README, "Testit"): a
shorter run needs less CPU work here, not fewer waits.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import pytest

TICK = os.sysconf("SC_CLK_TCK")
KINDS = ("testit", "ajuri", "selain", "sivu", "gpu", "verkko", "muu")


def _processes() -> dict[int, tuple[int, str, float]]:
    """Every process: pid → (parent, kind of process, CPU seconds with its reaped children)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        seconds = sum(int(fields[i]) for i in (11, 12, 13, 14)) / TICK
        found[int(entry.name)] = (int(fields[1]), _kind(command), seconds)
    return found


def _kind(command: str) -> str:
    if "driver/package/cli.js" in command or "run-driver" in command:
        return "ajuri"
    if "chrom" in command:
        kind = command.split("--type=", 1)[1].split()[0] if "--type=" in command else "browser"
        return {"browser": "selain", "renderer": "sivu", "gpu-process": "gpu", "utility": "verkko"}.get(
            kind, "muu"
        )
    return "muu"


def snapshot() -> Counter[str]:
    """CPU seconds so far by kind, of this process and every process below it."""
    processes = _processes()
    me = os.getpid()
    below: dict[int, list[int]] = defaultdict(list)
    for pid, (parent, _, _) in processes.items():
        below[parent].append(pid)
    seconds: Counter[str] = Counter()
    waiting = list(below[me])
    while waiting:
        pid = waiting.pop()
        _, kind, cpu = processes[pid]
        seconds[kind] += cpu
        waiting.extend(below[pid])
    own = os.times()
    seconds["testit"] += own.user + own.system
    seconds["muu"] += own.children_user + own.children_system  # its processes that have ended
    return seconds


def machine() -> tuple[int, int]:
    """(busy, all) jiffies of the whole machine so far."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]
    return sum(values) - idle, sum(values)


class Measure:
    def __init__(self) -> None:
        self.files: dict[str, Counter[str]] = defaultdict(Counter)
        self.started: dict[str, tuple[float, Counter[str]]] = {}

    def pytest_runtest_logstart(self, nodeid: str, location: object) -> None:
        self.started[nodeid] = (time.monotonic(), snapshot())

    def pytest_runtest_logfinish(self, nodeid: str, location: object) -> None:
        begun, before = self.started.pop(nodeid)
        after = snapshot()
        row = self.files[nodeid.split("::")[0]]
        row["aika"] += time.monotonic() - begun
        for kind in KINDS:
            row[kind] += max(0.0, after[kind] - before[kind])


def main(arguments: list[str]) -> int:
    measure = Measure()
    busy, total = machine()
    begun = time.monotonic()
    code = pytest.main(["-p", "no:xdist", "-q", *(arguments or ["tests/browser"])], plugins=[measure])
    busy_end, total_end = machine()
    print(f"\n{'tiedosto':<42} {'aika':>6} " + " ".join(f"{k:>6}" for k in KINDS) + "  (s)")
    sums: Counter[str] = Counter()
    for name, row in sorted(measure.files.items(), key=lambda item: -item[1]["aika"]):
        sums.update(row)
        print(f"{name[-42:]:<42} {row['aika']:6.1f} " + " ".join(f"{row[k]:6.1f}" for k in KINDS))
    cpu = sum(sums[k] for k in KINDS) or 1.0
    print(f"{'yhteensä':<42} {sums['aika']:6.1f} " + " ".join(f"{sums[k]:6.1f}" for k in KINDS))
    print(f"{'osuus suoritinajasta':<42} {'':>6} " + " ".join(f"{100 * sums[k] / cpu:5.0f}%" for k in KINDS))
    print(
        f"\nkesto {time.monotonic() - begun:.0f} s, suoritinaikaa {cpu:.0f} s; koko kone varattuna "
        f"{100 * (busy_end - busy) / max(1, total_end - total):.0f} % ajan ({os.cpu_count()} ydintä)"
    )
    return int(code)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
