"""A self-signed TLS certificate for localhost, 127.0.0.1 and ::1, made with openssl into a private folder,
for trying the front without a real certificate. Browsers warn about it; tests accept it."""
import os
import subprocess

DAYS = 7


def make(folder):
    """(certificate path, key path) in `folder`; the key is readable by its owner only."""
    cert, key = os.path.join(folder, "self-signed.crt"), os.path.join(folder, "self-signed.key")
    old = os.umask(0o077)
    try:
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
             "-days", str(DAYS), "-subj", "/CN=localhost",
             "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1",
             "-keyout", key, "-out", cert],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    except subprocess.CalledProcessError as exc:
        raise RuntimeError(f"openssl could not make a certificate: {exc.stderr.decode(errors='replace').strip()}")
    finally:
        os.umask(old)
    return cert, key


def warning(cert):
    return (f"\n*** No --tls-cert given: nginx uses a SELF-SIGNED certificate for localhost, 127.0.0.1 and ::1,\n"
            f"*** made just now ({cert}, valid {DAYS} days). Browsers will warn that the connection is not\n"
            f"*** private. For a real deployment give --tls-cert FILE --tls-key FILE.\n")
