"""The front's child processes (nginx, serve.py workers): each in its own process group, so a Ctrl-C in
the terminal reaches only the front, which then stops them in order, and a group can be ended whole
(nginx's own worker processes with their master); each told by the kernel to end should the front
itself be killed, so no child outlives it."""
import ctypes
import os
import signal
import subprocess

PR_SET_PDEATHSIG = 1


def _end_with_parent():
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass  # not Linux: the front still ends its children whenever it can run


def spawn(args, **popen):
    """A child in a new process group that gets SIGTERM when the front dies."""
    return subprocess.Popen(args, process_group=0, preexec_fn=_end_with_parent, **popen)


def signal_group(proc, sig):
    try:
        os.killpg(proc.pid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def end(proc, sig=signal.SIGTERM, grace=10.0):
    """Sends `sig` to the child's group, waits up to `grace` seconds, then kills what is left of the group.
    The child's exit status."""
    if proc.poll() is None:
        signal_group(proc, sig)
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            pass
    # whatever the group still holds (nginx's workers when its master was killed) goes too
    signal_group(proc, signal.SIGKILL)
    return proc.wait()
