// Which band of cells serves a view zoom, where a cell is, and which places a zoom labels.
#include "core/basemap/basemap.hpp"

namespace core::basemap {

int band_zoom(double view_zoom) {
    if (!(view_zoom >= 7)) return 4;  // NaN too: the coarsest band is the cheapest guess
    return view_zoom < 10 ? 7 : 10;
}

std::string cell_path(int z, int x, int y) {
    return "basemap/" + std::to_string(z) + "/" + std::to_string(x) + "/" + std::to_string(y) + ".bin";
}

bool place_shown(std::uint32_t population, double zoom) {
    // Below each zoom, the least population labelled; the bands' files hold at least 100k (band 4)
    // and 15k (band 7), so these thresholds ask for no more than the data has.
    struct Step {
        double below;
        std::uint32_t least;
    };
    static constexpr Step kSteps[] = {{5, 1'000'000}, {6, 500'000}, {7, 200'000}, {8, 100'000},
                                      {9, 50'000},    {10, 20'000}, {11, 10'000}, {12, 5'000}};
    for (const Step& s : kSteps) {
        if (!(zoom >= s.below)) return population >= s.least;
    }
    return true;
}

}  // namespace core::basemap
