// Scanning a charger's code: what a decoded text is (GreenFlux QR URL, EVSE ID, a link into this
// app, or refused with a reason), and the scanner's own state. The flow that acts on it is the journey's.
// Other parts include only this header.
#pragma once

#include "payload.hpp"
#include "state.hpp"
#include "words.hpp"
