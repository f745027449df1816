#!/usr/bin/env python3
"""The front (tools/nginx/run.sh): nginx in the foreground with HTTPS and HTTP/2 in front of N serve.py
workers, started, watched and stopped together. Order: a private runtime folder, the certificate, the
workers (nginx needs their ports), nginx's config rendered from deploy/nginx/, nginx. A worker that dies
is started again on its port; nginx dying ends everything. SIGTERM, SIGINT or SIGHUP stops nginx
(gracefully, then hard), then the workers; no process is left behind."""
import os
import pathlib
import secrets
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time

import children
import front_options
import nginx_config
import self_signed
from serve_workers import Worker, WorkerFailed

REPO = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
from server.web import security_headers  # noqa: E402

NGINX = "/usr/sbin/nginx"
RESTARTS_PER_MINUTE = 5     # more than this and a worker is taken for broken: the front stops
STOP_GRACE = 10.0
# what nginx may see of the caller's environment: none of its secrets (the API key is the workers')
NGINX_ENVIRONMENT = ("PATH", "TZ", "LANG")


class Stop(Exception):
    pass


def say(text):
    print(f"[front] {text}", file=sys.stderr, flush=True)


def private_folder(path):
    """The runtime folder: `path` (made 0700, or refused unless it is ours and private already), else a new
    temporary one. (folder, whether to remove it at the end)."""
    if path is None:
        return tempfile.mkdtemp(prefix="evcharge-front-"), True
    os.makedirs(path, mode=0o700, exist_ok=True)
    st = os.stat(path)
    if st.st_uid != os.geteuid() or stat.S_IMODE(st.st_mode) & 0o077:
        raise SystemExit(f"run.sh: --runtime-dir {path} must be yours and private (chmod 700): it gets the TLS key")
    return os.path.abspath(path), False


def nginx_user(wanted, root):
    """Started as root, nginx's workers run as `wanted` when it can read the app's files, else as root."""
    if os.geteuid() != 0:
        return None
    probe = os.path.join(root, "index.html") if os.path.isfile(os.path.join(root, "index.html")) else root
    try:
        readable = subprocess.run(["runuser", "-u", wanted, "--", "test", "-r", probe],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0
    except FileNotFoundError:  # no runuser (util-linux): no way to ask
        readable = False
    if readable:
        return wanted
    say(f"warning: {wanted} cannot read {root}, so nginx's worker processes run as root; make the folder "
        f"readable to them (chmod o+rX along its path) or pass --nginx-user")
    return "root"


def links_out_of(root):
    """Symbolic links under `root` that lead out of it: nginx would follow them, serve.py never does."""
    real_root = os.path.realpath(root)
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = os.path.join(folder, name)
            target = os.path.realpath(path)
            if os.path.islink(path) and target != real_root and not target.startswith(real_root + os.sep):
                yield path


def wait_listening(port, proc, timeout=15.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return True
        except OSError:
            time.sleep(0.05)
    return False


class Front:
    def __init__(self, args):
        self.args = args
        self.workers = []
        self.nginx = None
        self.stopping = False

    def on_signal(self, signum, frame):
        self.stopping = True

    def check(self):
        if self.stopping:
            raise Stop()

    def start(self, runtime):
        args = self.args
        if args.tls_cert:
            cert, key = os.path.abspath(args.tls_cert), os.path.abspath(args.tls_key)
        else:
            cert, key = self_signed.make(runtime)
            print(self_signed.warning(cert), file=sys.stderr, flush=True)
        leaving = list(links_out_of(args.serve.root))
        if leaving:
            raise RuntimeError(f"{leaving[0]} is a symbolic link out of {args.serve.root}: nginx would serve what it "
                               f"leads to; remove it")
        if not os.path.isfile(os.path.join(args.serve.root, "index.html")):
            say(f"warning: {args.serve.root} holds no built app (bash tools/build.sh web): nginx will answer 404")
        clock_group = secrets.token_hex(8)
        for number in range(1, args.workers + 1):
            self.check()
            worker = Worker(number, str(REPO / "serve.py"), args.serve_args, runtime, clock_group, os.environ.copy())
            self.workers.append(worker)
            worker.start()
            say(f"serve.py worker {number} on 127.0.0.1:{worker.port} (log {worker.log_path})")
        self.check()
        names = [name for name, _ in security_headers()]
        config = nginx_config.FrontConfig(
            runtime=runtime, root=args.serve.root, listen=f"{args.bind}:{args.port}", tls_cert=cert, tls_key=key,
            worker_ports=[w.port for w in self.workers], headers=self.workers[0].security_headers(names),
            api_rate=args.api_rate, api_burst=args.api_burst, api_connections=args.api_connections,
            upstream_keepalive=max(1, min(10, int(args.serve.client_timeout / 2))),
            user=nginx_user(args.nginx_user, args.serve.root))
        conf = nginx_config.render(config)
        env = {k: os.environ[k] for k in NGINX_ENVIRONMENT if k in os.environ}
        command = [NGINX, "-p", runtime + "/", "-c", conf, "-e", "stderr"]
        checked = subprocess.run(command + ["-t", "-q"], env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
        if checked.returncode != 0:
            raise RuntimeError(f"nginx refused the config {conf}:\n{checked.stderr.decode(errors='replace')}")
        self.check()
        self.nginx = children.spawn(command, stdin=subprocess.DEVNULL, env=env)
        if not wait_listening(args.port, self.nginx):
            raise RuntimeError(f"nginx did not start (see above and {runtime}/error.log)")
        host = "127.0.0.1" if args.bind in ("0.0.0.0", "127.0.0.1") else args.bind
        say(f"nginx on {args.bind}:{args.port}, {args.workers} serve.py worker(s); config, logs and pid in {runtime}")
        print(f"serving on https://{host}:{args.port}/", flush=True)

    def watch(self):
        while not self.stopping:
            time.sleep(0.2)
            if self.nginx.poll() is not None and not self.stopping:
                raise RuntimeError(f"nginx stopped (exit status {self.nginx.returncode}); see its error.log")
            for worker in self.workers:
                if not worker.alive() and not self.stopping:
                    self.restart(worker)

    def restart(self, worker):
        now = time.monotonic()
        worker.restarts = [t for t in worker.restarts if now - t < 60] + [now]
        if len(worker.restarts) > RESTARTS_PER_MINUTE:
            raise RuntimeError(f"serve.py worker {worker.number} keeps dying:\n{worker.log_tail()}")
        say(f"serve.py worker {worker.number} ended (exit status {worker.proc.returncode}); starting it again on "
            f"port {worker.port}")
        worker.start()

    def stop(self):
        if self.nginx is not None:
            # SIGQUIT: nginx answers what it has begun, then ends; SIGKILL for its group after the grace
            children.end(self.nginx, signal.SIGQUIT, STOP_GRACE)
        for worker in self.workers:
            worker.stop(STOP_GRACE)


def main(argv):
    args = front_options.parse(argv)
    modules = [os.path.join(nginx_config.MODULES, m) for m in nginx_config.BROTLI_MODULES]
    if not os.access(NGINX, os.X_OK) or not all(os.path.isfile(m) for m in modules):
        raise SystemExit("run.sh: Debian's nginx with its brotli modules is not installed (bash tools/setup.sh installs "
                         "nginx, libnginx-mod-http-brotli-static and libnginx-mod-http-brotli-filter)")
    runtime, temporary = private_folder(args.runtime_dir)
    front = Front(args)
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, front.on_signal)
    status = 0
    try:
        front.start(runtime)
        front.watch()
    except Stop:
        pass
    except (RuntimeError, WorkerFailed) as exc:
        say(f"error: {exc}")
        status = 1
    finally:
        front.stop()
        if temporary:
            shutil.rmtree(runtime, ignore_errors=True)
        say("stopped")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
