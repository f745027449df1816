"""A uniform lat/lng grid over point ids, for bounding-box queries over many thousands of locations.
Cells of ~5 km keep a city-sized map query to a few dozen cells."""
import math


class GridIndex:
    def __init__(self, cell_deg=0.05):
        self.cell_deg = cell_deg
        self._cells = {}  # (row, col) -> [(lat, lng, id)]
        self._count = 0

    def __len__(self):
        return self._count

    def _key(self, lat, lng):
        return (math.floor(lat / self.cell_deg), math.floor(lng / self.cell_deg))

    def add(self, item_id, lat, lng):
        self._cells.setdefault(self._key(lat, lng), []).append((lat, lng, item_id))
        self._count += 1

    def query(self, bottom_lat, left_lng, top_lat, right_lng):
        """Ids of the points inside the box, edges included."""
        return [item_id for _, _, item_id in self.query_points(bottom_lat, left_lng, top_lat, right_lng)]

    def query_points(self, bottom_lat, left_lng, top_lat, right_lng):
        """(lat, lng, id) of the points inside the box, edges included."""
        row0, col0 = self._key(bottom_lat, left_lng)
        row1, col1 = self._key(top_lat, right_lng)
        span = (row1 - row0 + 1) * (col1 - col0 + 1)
        if span > len(self._cells):
            # a box over a whole country: walking the occupied cells is cheaper than the empty ones
            keys = [k for k in self._cells if row0 <= k[0] <= row1 and col0 <= k[1] <= col1]
        else:
            keys = [(r, c) for r in range(row0, row1 + 1) for c in range(col0, col1 + 1)]
        found = []
        for key in keys:
            for lat, lng, item_id in self._cells.get(key, ()):
                if bottom_lat <= lat <= top_lat and left_lng <= lng <= right_lng:
                    found.append((lat, lng, item_id))
        return found
