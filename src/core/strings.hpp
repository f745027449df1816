// Every word a driver reads comes from this table, keyed by id (English first; more languages follow).
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>

namespace core {

// X-macro: id, English text. Keep ids stable: tests and the accessibility mirror use the texts.
#define CORE_STRING_TABLE(X)                                                                      \
    X(None, "")                                                                                   \
    X(AppTitle, "Charge")                                                                         \
    X(MapTitle, "Chargers nearby")                                                                \
    X(LoadingLocations, "Looking for chargers…")                                                \
    X(NoLocations, "No chargers in this area")                                                    \
    X(ConnectorsFree, "%d of %d free")                                                            \
    X(Back, "Back")                                                                               \
    X(LoadingLocation, "Loading charger…")                                                      \
    X(Choose, "Choose")                                                                           \
    X(StatusAvailable, "Available")                                                               \
    X(StatusCharging, "In use")                                                                   \
    X(StatusBlocked, "Blocked")                                                                   \
    X(StatusInoperative, "Not working")                                                           \
    X(StatusOutOfOrder, "Out of order")                                                           \
    X(StatusPlanned, "Coming soon")                                                               \
    X(StatusRemoved, "Removed")                                                                   \
    X(StatusReserved, "Reserved")                                                                 \
    X(StatusUnknown, "Status unknown")                                                            \
    X(ChargingNotAllowed, "Charging not allowed here")                                            \
    X(PriceTitle, "Price")                                                                        \
    X(LoadingPrice, "Loading price…")                                                           \
    X(PerKwh, "per kWh")                                                                          \
    X(PerMinute, "per minute")                                                                    \
    X(PerHour, "per hour")                                                                        \
    X(PerSession, "per session")                                                                  \
    X(ParkingPerHour, "parking per hour")                                                         \
    X(ParkingPerMinute, "parking per minute")                                                     \
    X(OtherCharge, "other charge")                                                                \
    X(RestrictFrom, "from %s")                                                                    \
    X(RestrictUpTo, "up to %s")                                                                   \
    X(RestrictAbove, "above %s")                                                                  \
    X(RestrictBelow, "below %s")                                                                  \
    X(EstimatedCost, "Estimated cost")                                                            \
    X(VatIncluded, "VAT %s included")                                                             \
    X(VatExcluded, "VAT %s not included")                                                         \
    X(NoVat, "No VAT")                                                                            \
    X(Free, "Free")                                                                               \
    X(PayWith, "Pay with")                                                                        \
    X(NoPaymentMethod, "Add a charge card to start charging")                                     \
    X(AddCard, "Add charge card")                                                                 \
    X(CardNumber, "Charge card number")                                                           \
    X(CardNumberHint, "The number printed on your card")                                          \
    X(Save, "Save")                                                                               \
    X(CardPending, "Being verified")                                                              \
    X(CardValid, "Verified")                                                                      \
    X(CardInvalid, "Not valid")                                                                   \
    X(NotCompatible, "Not accepted at this charger")                                              \
    X(Start, "Start charging")                                                                    \
    X(Starting, "Starting…")                                                                    \
    X(Stop, "Stop charging")                                                                      \
    X(Stopping, "Stopping…")                                                                    \
    X(SessionRequested, "Start requested")                                                        \
    X(SessionStarting, "Charger accepted, plug in your car")                                      \
    X(SessionCharging, "Charging")                                                                \
    X(SessionParking, "Car full")                                                                 \
    X(SessionStopping, "Stopping")                                                                \
    X(SessionCompleted, "Finished, waiting for the receipt")                                      \
    X(SessionCdrAvailable, "Finished")                                                            \
    X(SessionRejected, "The charger refused to start")                                            \
    X(SessionTimeout, "No cable was plugged in in time")                                          \
    X(SessionCancelled, "Cancelled")                                                              \
    X(SessionError, "The charger reported an error")                                              \
    X(SessionUnknown, "Unknown status: %s")                                                       \
    X(Energy, "Energy")                                                                           \
    X(Power, "Power")                                                                             \
    X(Elapsed, "Time")                                                                            \
    X(CostSoFar, "Cost so far")                                                                   \
    X(UpdatedAgo, "Updated %s ago")                                                               \
    X(ReceiptTitle, "Receipt")                                                                    \
    X(Total, "Total")                                                                             \
    X(VatAmount, "of which VAT")                                                                  \
    X(ReceiptNumber, "Receipt number")                                                            \
    X(Done, "Done")                                                                               \
    X(ReceiptReady, "Your receipt is ready")                                                      \
    X(ErrorNetwork, "No connection. Check your network and try again.")                          \
    X(ErrorServer, "The service had a problem. Please try again.")                                \
    X(ErrorBadData, "The service sent something we could not read.")                              \
    X(ErrorStartFailed, "Charging could not be started.")                                         \
    X(ErrorStopFailed, "Stopping did not go through. Please try again.")                          \
    X(ErrorCardRejected, "This card number was not accepted.")                                    \
    X(ErrorCardFormat, "A charge card number has 6 to 30 letters and digits.")                   \
    X(ErrorLocation, "This charger could not be loaded.")                                         \
    X(ErrorPrice, "The price for this charger could not be loaded.")                              \
    X(ErrorPollFailed, "Connection lost. Your session keeps running; we keep trying.")           \
    X(ErrorSessionLost, "The service no longer knows this session. Check the charger.")          \
    X(SessionTitle, "Charging session")                                                           \
    X(Battery, "Battery")                                                                         \
    X(CardNumberPlaceholder, "e.g. NL-ABC-123456-7")                                              \
    X(ChooseConnector, "Charge at %s, connector %s")                                              \
    X(ConnectorCable, "cable")                                                                    \
    X(ConnectorSocket, "socket")                                                                  \
    X(EstimateFor, "%s ≈ %s")                                                                    \
    X(NoCostsYet, "The final cost is not known yet.")                                             \
    X(OperatedBy, "Operated by %s")                                                               \
    X(PriceUnknown, "No price is published for this charger.")                                    \
    X(Saving, "Saving…")                                                                        \
    X(UnknownValue, "Unknown (%s)")                                                               \
    X(SearchChargers, "Search chargers")                                                          \
    X(SearchHint, "Name, street or town")                                                         \
    X(NoMatch, "No charger here matches your search")                                             \
    X(Dismiss, "OK")                                                                              \
    /* session, wallet, history */                                                                \
    /* prices and receipts */                                                                     \
    /* map */                                                                                     \
    X(MapLoading, "Loading chargers…")                                                          \
    X(MapOffline, "Offline: showing the chargers already loaded.")                                \
    X(MapServerError, "Some chargers could not be loaded.")                                       \
    X(MapTruncated, "Many chargers here: zoom in to see them all.")                               \
    X(ZoomIn, "Zoom in")                                                                          \
    X(ZoomOut, "Zoom out")                                                                        \
    X(LocateMe, "Show my position")                                                               \
    X(Locating, "Finding your position…")                                                       \
    X(LocateDenied, "Location access is off. Allow it in the browser settings to see where you are.") \
    X(LocateUnavailable, "Your position could not be found.")                                     \
    X(ClusterLabel, "%s chargers here, zoom in")                                                  \
    X(MarkerLabel, "%s, %s")                                                                      \
    X(Filters, "Filters")                                                                         \
    X(FiltersOn, "Filters (%s on)")                                                               \
    X(FilterAvailable, "Available now")                                                           \
    X(FilterAc, "AC only")                                                                        \
    X(FilterDc, "DC only (fast)")                                                                 \
    X(FilterMinKw, "At least %s")                                                                 \
    X(FilterDirectPay, "Pay by card at the charger")                                              \
    X(FilterClear, "Clear filters")                                                               \
    X(ChargeHere, "Charge here")                                                                  \
    X(CloseSheet, "Close")                                                                        \
    X(DistanceAway, "%s away")                                                                    \
    X(RestrictedAccess, "Restricted access")                                                      \
    X(ListMore, "%s more: zoom in to list them")                                                  \
    X(SearchEverywhere, "Search everywhere")                                                      \
    X(AddFavourite, "Add to favourites")                                                          \
    X(RemoveFavourite, "Remove from favourites")                                                  \
    X(Searching, "Searching…")                                                                  \
    X(SearchResults, "Found everywhere")                                                          \
    X(SearchNothing, "Nothing found for “%s”")                                              \
    X(SearchFailed, "The search did not work. Please try again.")                                 \
    /* scanning */                                                                                \
    /* portal and kiosk */

enum class Str : int {
#define CORE_STRING_ID(id, text) id,
    CORE_STRING_TABLE(CORE_STRING_ID)
#undef CORE_STRING_ID
};

// The text of a string id in the current language.
const char* tr(Str id);

// The text with its %s / %d placeholders filled, in order, by `args` (already formatted;
// numbers go through locale_format). Missing arguments leave the placeholder empty.
std::string tr_format(Str id, std::initializer_list<std::string_view> args);

}  // namespace core
