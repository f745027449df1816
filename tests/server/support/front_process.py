"""Runs the production front (tools/nginx/run.sh: nginx with HTTPS and HTTP/2 before serve.py workers) as a
real subprocess on a free port, and talks to it over HTTPS, accepting its self-signed certificate."""
import ctypes
import http.client
import json
import os
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import tempfile
import threading
from pathlib import Path

from .server_process import ApiCalls, end_process

REPO = Path(__file__).resolve().parents[3]
RUN = REPO / "tools" / "nginx" / "run.sh"
NGINX = "/usr/sbin/nginx"
BROTLI_MODULES = ("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so",
                  "/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so")
MISSING = ("Debian's nginx with its brotli modules is not installed (bash tools/setup.sh installs nginx, "
           "libnginx-mod-http-brotli-static and libnginx-mod-http-brotli-filter)")


def nginx_installed():
    return os.access(NGINX, os.X_OK) and all(os.path.isfile(m) for m in BROTLI_MODULES)


def _end_with_the_tests():
    """run.sh outlives its parent, as a server does; a test's front must not outlive a killed test run."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def unverified_context(alpn=("h2", "http/1.1")):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    context.set_alpn_protocols(list(alpn))
    return context


class FrontProcess(ApiCalls):
    wait_interval = 0.05

    def __init__(self, front_args=(), serve_args=(), workers=2, env=None, time_scale=60):
        self._tmp = tempfile.TemporaryDirectory(prefix="front-test-")
        self.runtime = os.path.join(self._tmp.name, "runtime")
        self.state = os.path.join(self._tmp.name, "state.sqlite")
        self.control_key = "test-" + secrets.token_hex(16)
        self.env = dict(os.environ if env is None else env)
        self.env.setdefault("SIM_CONTROL_KEY", self.control_key)
        self.args = [*front_args, "--workers", str(workers), "--runtime-dir", self.runtime]
        self.serve_args = ["--sim-data", "seed", "--time-scale", str(time_scale), "--rate-limit", "0",
                           "--state", self.state, *serve_args]
        self.stderr_path = os.path.join(self._tmp.name, "front-stderr.txt")
        self.proc = None
        self.port = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
        self.cleanup()

    def start(self, timeout=60):
        self.port = free_port()
        self._stderr = open(self.stderr_path, "ab")
        self.proc = subprocess.Popen(
            ["bash", str(RUN), "--port", str(self.port), "--bind", "127.0.0.1", *self.args, *self.serve_args],
            stdout=subprocess.PIPE, stderr=self._stderr, cwd=str(REPO), env=self.env, preexec_fn=_end_with_the_tests)
        line = {}
        reader = threading.Thread(target=lambda: line.setdefault("text", self.proc.stdout.readline()), daemon=True)
        reader.start()
        reader.join(timeout)
        if not line.get("text", b"").startswith(b"serving on https://"):
            self.stop()
            told = self.stderr()
            self.cleanup()
            raise RuntimeError(f"the front did not start: {line.get('text')!r}\n{told}")
        return self

    def stop(self, sig=signal.SIGTERM):
        """Ends run.sh with `sig`; its exit status."""
        if self.proc is None:
            return None
        end_process(self.proc, lambda: self.proc.send_signal(sig))
        self._stderr.close()
        status, self.proc = self.proc.returncode, None
        return status

    def cleanup(self):
        self._tmp.cleanup()

    def stderr(self):
        try:
            return Path(self.stderr_path).read_text(errors="replace")
        except OSError:
            return ""

    def runtime_files(self):
        """{name: bytes} of every file in the runtime folder (config, logs, certificate)."""
        found = {}
        for folder, _, files in os.walk(self.runtime):
            for name in files:
                path = os.path.join(folder, name)
                with open(path, "rb") as fh:
                    found[os.path.relpath(path, self.runtime)] = fh.read()
        return found

    def log(self, name):
        try:
            return Path(self.runtime, name).read_text(errors="replace")
        except OSError:
            return ""

    def nginx_pid(self):
        return int(Path(self.runtime, "nginx.pid").read_text())

    def descendants(self):
        """{pid: command line} of every process below run.sh (nginx's master and workers, serve.py's)."""
        return processes_below(self.proc.pid)

    def worker_pids(self):
        return [pid for pid, cmd in self.descendants().items() if "serve.py" in cmd]

    # HTTPS

    def request(self, method, path, body=None, headers=None, raw=None, timeout=15):
        """(status, headers, body bytes) over HTTPS (HTTP/1.1), the body sent as JSON or `raw` as given."""
        hdrs = dict(headers or {})
        data = raw
        if body is not None:
            data = json.dumps(body).encode()
            hdrs.setdefault("Content-Type", "application/json")
        conn = http.client.HTTPSConnection("127.0.0.1", self.port, timeout=timeout,
                                           context=unverified_context(alpn=("http/1.1",)))
        try:
            conn.request(method, path, body=data, headers=hdrs)
            answer = conn.getresponse()
            return answer.status, answer.headers, answer.read()
        finally:
            conn.close()


def processes_below(root_pid):
    parents = {}
    commands = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{entry}/cmdline", "rb") as fh:
                commands[int(entry)] = fh.read().replace(b"\0", b" ").decode(errors="replace")
            parents[int(entry)] = int(fields[1])
        except (OSError, IndexError, ValueError):
            continue
    below, frontier = {}, [root_pid]
    while frontier:
        pid = frontier.pop()
        for child, parent in parents.items():
            if parent == pid and child not in below:
                below[child] = commands.get(child, "")
                frontier.append(child)
    return below


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # a zombie is no longer running
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def curl_http_version(url):
    """The HTTP version curl used for `url` with --http2 ('2' for HTTP/2), or None without curl."""
    if shutil.which("curl") is None:
        return None
    result = subprocess.run(["curl", "-sk", "--http2", "-o", "/dev/null", "-w", "%{http_version}", url],
                            capture_output=True, text=True, timeout=30)
    return result.stdout.strip()
