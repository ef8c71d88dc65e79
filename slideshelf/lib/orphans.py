"""Helper processes that end with the process that started them."""

from __future__ import annotations

import ctypes
import ctypes.util
import signal
import sys

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def die_with_parent() -> None:
    """Ask Linux to kill this process when its parent dies, however the parent died.

    `serve` killed with SIGKILL runs no clean-up: without this, its web server and worker
    would live on. Linux sends the signal when the *thread* that started this process ends,
    so only a process started from a thread that lives as long as the parent may ask for it.
    Elsewhere there is no such call, and nothing is done.
    """
    if not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
