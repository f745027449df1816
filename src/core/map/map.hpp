// The map without the journey: Web Mercator geometry and tiles, the camera and its glide, the
// bounding-box planner (tiles of locations, paging, tiles split where paging stops, availability),
// markers, clusters, the sorted list, favourites, tile images, directions links, and the requests
// they send. MapState is the map's whole state.
// Other parts include only this header.
#pragma once

#include "geo.hpp"
#include "inertia.hpp"
#include "cluster.hpp"
#include "tile_set.hpp"
#include "marker.hpp"
#include "state.hpp"
#include "list.hpp"
#include "requests.hpp"
#include "planner.hpp"
#include "tile_split.hpp"
#include "favourites.hpp"
#include "directions.hpp"
