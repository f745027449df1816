"""The app's map configuration (/map-config.json: tile URL template, its attribution and, when the served
data needs one, the data's licence credit) and, with --tiles DIR, the raster tiles themselves under
/tiles/{z}/{x}/{y}.png from a folder (kiosks, tests)."""
import json
import re

from .static_files import StaticFiles

OSM_TEMPLATE = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = "© OpenStreetMap contributors"
LOCAL_TEMPLATE = "tiles/{z}/{x}/{y}.png"
TILE_PATH = re.compile(r"^/tiles/(\d{1,2})/(\d{1,7})/(\d{1,7})\.png$")


class MapTiles:
    def __init__(self, tiles_dir=None, tile_url=None, attribution=None):
        """tiles_dir serves local tiles; tile_url "osm" means OpenStreetMap's standard tiles (only
        for deployments their tile usage policy allows); any other value is a URL template."""
        self.files = StaticFiles(tiles_dir) if tiles_dir else None
        if tiles_dir:
            template, default_attribution = LOCAL_TEMPLATE, ""
        elif tile_url == "osm":
            template, default_attribution = OSM_TEMPLATE, OSM_ATTRIBUTION
        else:
            template, default_attribution = tile_url or "", ""
        self.config = {"tileUrl": template,
                       "attribution": attribution if attribution is not None else default_attribution}

    def credit_data(self, text):
        """The licence credit of the charger data being served (shown on the map); None removes it."""
        if text:
            self.config["dataAttribution"] = text
        else:
            self.config.pop("dataAttribution", None)

    def handles(self, path):
        return path == "/map-config.json" or (self.files is not None and path.startswith("/tiles/"))

    def serve(self, handler, path):
        if path == "/map-config.json":
            data = json.dumps(self.config).encode("utf-8")
            handler.send_response(200)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", str(len(data)))
            handler.send_header("Cache-Control", "no-cache")
            handler.end_headers()
            if handler.command != "HEAD":
                handler.wfile.write(data)
            return 200
        match = TILE_PATH.match(path)
        z = int(match.group(1)) if match else -1
        if not match or z > 22 or int(match.group(2)) >= 2 ** z or int(match.group(3)) >= 2 ** z:
            return StaticFiles._send_text(handler, 404, "Not found\n", "text/plain; charset=utf-8")
        return self.files.serve(handler, path[len("/tiles"):])
