"""The web app manifest a deployment is installed under: the built one (dist/manifest.webmanifest)
with the deployment's name and colour when it has its own branding, so a hotel's portal or a kiosk
is installed as that hotel's or that kiosk's app, not as "Charge"."""
import json
import pathlib

MEDIA_TYPE = "application/manifest+json"


def has_own_manifest(config):
    """A deployment file with a name or a colour of its own: its app is installed under them."""
    return bool(config.source) and bool((config.branding.get("displayName") or "").strip()
                                        or config.branding.get("primaryColorHex"))


def deployment_manifest(root, config):
    """The manifest (a dict) for this deployment, or None when the build has none to start from."""
    name = (config.branding.get("displayName") or "").strip()
    colour = config.branding.get("primaryColorHex")
    try:
        manifest = json.loads((pathlib.Path(root) / "manifest.webmanifest").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # no build yet: the static file's own 404 speaks
    if name:
        manifest["name"] = name
        manifest["short_name"] = name if len(name) <= 12 else name[:12].rstrip()
    if colour:
        manifest["theme_color"] = colour
    return manifest
