#include "sheet_snap.hpp"

#include <algorithm>
#include <cmath>

namespace ui::sheet {

Heights heights_for(float body, float peek_content, float map_strip) {
    Heights h;
    h.full = std::max(0.0f, body - map_strip);
    h.peek = std::min(peek_content, h.full);
    h.half = std::clamp(body * 0.5f, h.peek, h.full);
    return h;
}

Stop settle(const Heights& h, Stop from, float height, float velocity, float fling_speed) {
    const Stop order[] = {Stop::Peek, Stop::Half, Stop::Full};
    if (std::abs(velocity) >= fling_speed) {
        // One stop on from the one the finger passed last in the fling's direction.
        if (velocity > 0) {
            for (Stop s : order)
                if (h.of(s) > height + 0.5f) return s;
            return Stop::Full;
        }
        for (int i = 2; i >= 0; --i)
            if (h.of(order[i]) < height - 0.5f) return order[i];
        return Stop::Peek;
    }
    Stop best = from;
    float best_d = std::abs(h.of(from) - height);
    for (Stop s : order) {
        const float d = std::abs(h.of(s) - height);
        if (d < best_d) best = s, best_d = d;
    }
    return best;
}

Stop after_tap(Stop s) { return s == Stop::Half ? Stop::Full : Stop::Half; }

float dragged(const Heights& h, float start_height, float drag_up) {
    return std::clamp(start_height + drag_up, h.peek, h.full);
}

}  // namespace ui::sheet
