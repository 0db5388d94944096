"""Peak resident memory of this process, by section.

``resource.getrusage(...).ru_maxrss`` is the wrong figure in two places: it is the high
water mark of the whole process, so a section measured after a larger one reads the larger
one's peak; and in a freshly started child it counts the parent's memory, which Linux
charges to the child between fork and exec. ``/proc/self/status`` (VmHWM) belongs to the
running program only, and writing 5 to ``/proc/self/clear_refs`` starts it again from the
memory in use now. Elsewhere both fall back to ``ru_maxrss``.
"""

from __future__ import annotations

import resource
from pathlib import Path

_STATUS = Path("/proc/self/status")
_CLEAR = Path("/proc/self/clear_refs")


def peak_mb() -> float:
    """The peak resident memory since the program started or :func:`restart_peak`."""
    try:
        for line in _STATUS.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def restart_peak() -> bool:
    """Count the peak from the memory in use now; False where the system cannot."""
    try:
        _CLEAR.write_text("5")
    except OSError:
        return False
    return True
