// Every word a driver reads comes from this table, keyed by id: English here, the source every
// translation follows; Dutch, German and French in strings_nl.cpp, strings_de.cpp, strings_fr.cpp.
#pragma once
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "language.hpp"

namespace core {

// X-macro: id, English text. Keep ids stable: tests and the accessibility mirror use the texts.
// A translation keeps the placeholders (%s, %d) in the same number and order (the string table test
// checks it); `…One` ids are the singular of a count, chosen by plural() with the language's rule.
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
    X(StatusUnknown, "Not reachable now")                                                            \
    X(ChargingNotAllowed, "Charging not allowed here")                                            \
    X(ChargerUnreachable, "The charger is not connected to the network, so a start from the app cannot reach it.") \
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
    X(CardPending, "Checking your card…")                                                              \
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
    X(SessionSmartHold, "Paused by smart charging")                                               \
    X(SessionCarWaiting, "Car connected, starting")                                               \
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
    X(SearchHint, "Name, street, town")                                                           \
    X(ClearSearch, "Clear search")                                                                \
    X(SheetMore, "Show more of the list")                                                         \
    X(SheetLess, "Show less of the list")                                                         \
    X(NoMatch, "No charger here matches your search")                                             \
    X(Dismiss, "OK")                                                                              \
    /* session, wallet, history */                                                                \
    X(StartChecking, "Checking whether charging started…")                                      \
    X(StartNotStarted, "Charging did not start. You can try again.")                              \
    X(ErrorStopRetrying, "Stopping: no answer yet. We keep trying.")                              \
    X(CancelStart, "Cancel start")                                                                \
    X(Cancelling, "Cancelling…")                                                                \
    X(Offline, "You are offline. Charging goes on; we update when you are back online.")          \
    X(OfflineStopQueued, "You are offline. Stop will be sent as soon as the phone is online.")    \
    X(OfflineIdle, "You are offline. What you see was loaded earlier.")                           \
    X(StartOffline, "You are offline: charging can start once the phone is online.")              \
    X(StaleData, "This may be out of date.")                                                      \
    X(StepRequested, "Requested")                                                                 \
    X(StepAccepted, "Accepted")                                                                   \
    X(StepWaitCable, "Waiting for the cable")                                                     \
    X(StepWaitStart, "Waiting for the start")                                                     \
    X(StepCharging, "Charging")                                                                   \
    X(StepCarFull, "Car full")                                                                    \
    X(StepStopping, "Stopping")                                                                   \
    X(StepFinished, "Finished")                                                                   \
    X(StepReceipt, "Receipt")                                                                     \
    X(StepDone, "%s: done")                                                                       \
    X(StepNow, "%s: now")                                                                         \
    X(StepToCome, "%s: to come")                                                                  \
    X(CableWait, "Plug in your car: the charger waits about %s more")                             \
    X(CableWaitOver, "Plug in your car now: the charger may give up any moment")                  \
    X(UpdateReady, "A new version of the app is ready.")                                          \
    X(UpdateReload, "Reload")                                                                     \
    X(ChargeNow, "Charge now at full power")                                                      \
    X(ChargeNowAsking, "Asking the charger…")                                                     \
    X(ChargeNowApproved, "Full power is on its way.")                                             \
    X(ChargeNowDenied, "The charger could not switch to full power. It goes on charging smartly.") \
    X(ChargeNowFailed, "Full power could not be asked for. Please try again.")                    \
    X(ChargeNowOn, "Charging at full power: smart charging is overridden.")                       \
    X(PriorityNotApplicable, "Smart charging: not used at this charger")                          \
    X(PriorityOff, "Smart charging: on, the charger chooses when to charge")                      \
    X(PriorityOn, "Smart charging: overridden, charging at full power")                           \
    X(PriorityOther, "Smart charging: %s")                                                        \
    X(WhyRequested, "The charger has been asked to start.")                                       \
    X(WhyStarting, "The charger accepted. Plug in the cable if you have not yet.")                \
    X(WhyCarWaiting, "Your car is connected. The charger is waiting for the start from the app and charges as soon as it arrives.") \
    X(WhySmartHold, "Smart charging is holding back power: the charger waits for cheaper or greener power, then charges your car.") \
    X(WhySmartSlow, "Smart charging sets the power: the charger may charge slower to use cheaper or greener power.") \
    X(WhyCharging, "Energy is flowing into your car.")                                            \
    X(WhyParking, "Your car is full and takes no more energy. Stop to end the session.")          \
    X(WhyStopping, "The charger is ending the session.")                                          \
    X(WhyCompleted, "The session has ended. The receipt follows shortly.")                        \
    X(WhyUnknown, "The service reports a status we do not know. We keep checking.")               \
    X(WhyRejected, "The charger refused to start.")                                               \
    X(WhyTimeout, "No cable was plugged in in time, so the charger cancelled the start.")         \
    X(WhyCancelled, "The session was cancelled before charging began.")                           \
    X(WhyError, "The charger reported an error and ended the session.")                           \
    X(WhyInvalidToken, "The charger did not accept your payment method.")                         \
    X(WhyEvseNotAvailable, "This charger is not available right now.")                            \
    X(WhyCommandTimedOut, "The charger did not answer the start command.")                        \
    X(WhySoftTimeOut, "No cable was plugged in in time, so the charger cancelled the start.")     \
    X(NextTryAgain, "Plug in the cable first, then try again.")                                   \
    X(NextOtherMethod, "Choose another payment method, or check your card with its issuer.")     \
    X(NextOtherCharger, "Try another connector or another charger.")                              \
    X(NextCheckCharger, "Check the charger's screen, then try again.")                            \
    X(NextStartAgain, "You can start again whenever you are ready.")                              \
    X(NextUnplug, "Unplug your car. If this happens again, contact the operator.")                \
    X(NotCharged, "Nothing was charged for this session.")                                        \
    X(TryAgain, "Try again")                                                                      \
    X(OtherSessions, "Your other sessions")                                                       \
    X(ShowSession, "Show")                                                                        \
    X(SessionAt, "%s · %s")                                                                       \
    X(WalletTitle, "Payment methods")                                                             \
    X(HistoryTitle, "Past sessions")                                                              \
    X(NoPaymentMethods, "No payment methods yet")                                                 \
    X(DefaultMethod, "Default")                                                                   \
    X(MakeDefault, "Make default")                                                                \
    X(Remove, "Remove")                                                                           \
    X(ExternalMethod, "Payment reference")                                                        \
    X(ExternalHint, "From your hotel or payment provider")                                        \
    X(AddExternal, "Add payment reference")                                                       \
    X(ExternalLabel, "External: %s")                                                              \
    X(ErrorExternalFormat, "A payment reference has 1 to 100 characters.")                       \
    X(ErrorExternalRejected, "This payment reference was not accepted.")                          \
    X(ErrorRemoveFailed, "The payment method could not be removed. Please try again.")          \
    X(ErrorHistory, "Your past sessions could not be loaded.")                                    \
    X(LoadingHistory, "Loading your sessions…")                                                 \
    X(NoHistory, "No sessions yet")                                                               \
    X(NoHistoryHint, "Sessions you charge show here, each with its receipt.")                     \
    X(HistoryRow, "%s · %s · %s · %s")                                                            \
    /* prices and receipts */                                                                     \
    X(OneHour, "1 hour")                                                                          \
    X(PriceForPayment, "Price for %s")                                                            \
    X(ValidityUnknown, "price known once the card is verified")                                   \
    X(ValidityNoTariff, "no price for this payment method here")                                  \
    X(ValidityError, "the price could not be checked")                                            \
    X(ValidityNotCompatible, "not accepted at this charger")                                      \
    X(ValidityInvalidCard, "card not valid")                                                      \
    X(CardInvalidExplain, "This card was not accepted by its issuer. Remove it and add another.") \
    X(RemoveCard, "Remove card")                                                                  \
    X(StartWaitsForCard, "Start is possible as soon as your card is checked.")                    \
    X(StartNeedsMethod, "Choose a payment method that can be used here.")                         \
    X(StartChargerBroken, "This charger is out of order, so charging cannot start here.")         \
    X(ValidityOk, "can be used here")                                                             \
    X(CostSoFarEstimate, "Cost so far ≈ %s")                                                      \
    X(EstimateNote, "Estimate until the final bill")                                              \
    X(IdleFeeWhenFull, "When charging ends, idle fee: %s")                                        \
    X(IdleFeeLater, "Idle fee in %s: %s")                                                         \
    X(IdleFeeNow, "Idle fee now: %s")                                                             \
    X(ReceiptLocation, "Location")                                                                \
    X(ReceiptCharger, "Charger")                                                                  \
    X(ReceiptStarted, "Started")                                                                  \
    X(ReceiptEnded, "Ended")                                                                      \
    X(ReceiptDownload, "Download receipt")                                                        \
    X(ReceiptPrint, "Print receipt")                                                              \
    X(ReceiptExclVat, "Total excl. VAT")                                                          \
    X(DimEnergy, "Energy")                                                                        \
    X(DimTime, "Charging time")                                                                   \
    X(DimParking, "Idle time")                                                                    \
    X(DimFlat, "Session fee")                                                                     \
    X(DimReservation, "Reservation")                                                              \
    /* receipts a driver keeps: e-mail, invoice details, PDF, expense export */                \
    X(MailTitle, "E-mail this receipt")                                                            \
    X(EmailAddress, "E-mail address")                                                              \
    X(EmailPlaceholder, "name@example.com")                                                        \
    X(RememberAddress, "Remember this address")                                      \
    X(SendReceipt, "Send")                                                                         \
    X(SendingReceipt, "Sending…")                                                                  \
    X(SentTo, "Sent to %s")                                                                        \
    X(NotSent, "Not sent — try again")                                                             \
    X(EmailEmpty, "Type the e-mail address to send the receipt to.")                               \
    X(EmailTooLong, "This address is too long: at most 254 characters.")                           \
    X(EmailNotAddress, "This is not an e-mail address. It looks like name@example.com.")           \
    X(MailNoConnection, "There is no connection.")                                                 \
    X(MailAddressRefused, "The mail server refused this address.")                                 \
    X(MailRelayFailed, "The mail server did not accept the receipt.")                              \
    X(MailRelayDown, "The mail server cannot be reached right now.")                               \
    X(MailRelayDownWait, "The mail server cannot be reached right now. Try again in %s.")          \
    X(TooManyWait, "Too many at once. Try again in %s.")                                           \
    X(ReceiptNotReady, "The receipt is not ready yet. Try again in a minute.")                     \
    X(ReceiptNotFound, "This receipt could not be found for this phone.")                          \
    X(DetailsRefused, "The server did not accept these details.")                                  \
    X(VatRefused, "The VAT number in your invoice details does not have its country's format.")    \
    X(ServerTrouble, "The server has a problem.")                                                  \
    X(PdfUnavailable, "PDF documents cannot be made on this server.")                              \
    X(TooManySessions, "More than 200 sessions in this period: choose a shorter one.")             \
    X(DownloadPdf, "Download PDF")                                                                 \
    X(PreparingPdf, "Preparing PDF…")                                                              \
    X(PdfNotMade, "PDF not downloaded — try again")                                                \
    X(InvoiceTitle, "Invoice details")                                                             \
    X(InvoiceHint, "Printed on your receipts, their e-mails and PDFs. Kept on this phone only.")   \
    X(InvoiceName, "Name")                                                                         \
    X(InvoiceCompany, "Company")                                                                   \
    X(InvoiceVat, "VAT number")                                                                    \
    X(InvoiceVatPlaceholder, "NL123456789B01")                                                     \
    X(InvoiceAddress, "Address")                                                                   \
    X(InvoiceAddressPlaceholder, "Street 1, 1234 AB Town")                                         \
    X(InvoiceTo, "Invoice to")                                                                     \
    X(InvoiceVatLine, "VAT %s")                                                                    \
    X(AddInvoiceDetails, "Add invoice details")                                                    \
    X(EditInvoiceDetails, "Edit invoice details")                                                  \
    X(InvoiceTooLong, "Too long: at most %d characters.")                                          \
    X(InvoiceControls, "Use letters, digits and punctuation only.")                                \
    X(InvoiceTooManyLines, "An address has at most 6 parts.")                                      \
    X(VatNotVat, "A VAT number starts with its country's two letters, like NL123456789B01.")       \
    X(VatGreece, "Greek VAT numbers start with EL.")                                               \
    X(VatUnknownCountry, "%s is not an EU country code for VAT numbers.")                          \
    X(VatWrongFormat, "This is not the format of a %s VAT number.")                                \
    X(ExportTitle, "Export for expenses")                                                          \
    X(ExportOpen, "Export")                                                                        \
    X(ExportHint, "One row per session that started in the period, with VAT, for an expense claim.") \
    X(ExportOneMonth, "One month")                                                                 \
    X(ExportMonths, "Several months")                                                              \
    X(ExportFrom, "From")                                                                          \
    X(ExportTo, "To")                                                                              \
    X(EarlierMonth, "Earlier month")                                                               \
    X(LaterMonth, "Later month")                                                                   \
    X(ExportCsv, "Export CSV")                                                                     \
    X(ExportPdf, "Export PDF")                                                                     \
    X(Exporting, "Exporting…")                                                                     \
    X(ExportSaved, "Saved %s")                                                                     \
    X(ExportNotMade, "Not exported — try again")                                                   \
    X(ReceiptByMail, "Receipt by e-mail (optional)")                                               \
    X(ReceiptMailLater, "The receipt goes to this address when the session has ended.")            \
    /* price, add card, outcome, receipt, wallet: one primary action each */                    \
    X(CardLabel, "Card %s")                                                                       \
    X(ChargerLine, "%s · %s")                                                                     \
    X(CardNumberKeepTyping, "Keep typing: a card number has 6 to 30 letters and digits.")        \
    X(CardAdded, "%s added: %s")                                                                  \
    X(OutcomeNotStarted, "Charging did not start")                                                \
    X(OutcomeCancelled, "Start cancelled")                                                        \
    X(OutcomeNoEnergy, "No energy was delivered")                                                 \
    X(WhyRejectedStart, "The charger refused the start: the connector may be blocked, or your payment method is not accepted here.") \
    X(WhyNoEnergy, "The session ended before any energy flowed into your car.")                   \
    X(NextNoEnergy, "Check that your car is ready to charge and the plug is in firmly, then try again.") \
    X(OtherConnector, "Choose another connector")                                                 \
    X(OtherPaymentMethod, "Choose another payment method")                                        \
    X(TheOperator, "the operator")                                                                \
    X(ContactPhone, "Call %s: %s")                                                                \
    X(ContactEmail, "E-mail %s: %s")                                                              \
    X(ContactWebsite, "Help from %s: %s")                                                         \
    X(ContactPhoneTitle, "Call %s")                                                               \
    X(Reception, "reception")                                                                     \
    X(ContactEmailTitle, "E-mail %s")                                                             \
    X(ContactWebsiteTitle, "Website of %s")                                                       \
    X(ChargedToCard, "Charged to card %s")                                                        \
    X(ChargedToMethod, "Charged to %s")                                                           \
    X(ChargedToReference, "Charged to payment reference %s")                                      \
    X(ChargerConnector, "%s · connector %s")                                                      \
    X(BilledPerMinute, "billed per started minute")                                               \
    X(BilledPerHour, "billed per started hour")                                                   \
    X(BilledPerKwh, "billed per started kWh")                                                     \
    X(BilledPerStep, "billed per started %s")                                                     \
    X(DefaultHint, "Default, chosen first when you charge")                                       \
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
    X(FilterGroupWhen, "Availability")                                                            \
    X(FilterGroupPower, "Power")                                                                  \
    X(FilterGroupConnector, "Connector")                                                          \
    X(FilterGroupPayment, "Payment")                                                              \
    X(ChargeHere, "Charge here")                                                                  \
    X(Directions, "Directions")                                                                   \
    X(CloseSheet, "Close")                                                                        \
    X(DistanceAway, "%s away")                                                                    \
    X(RestrictedAccess, "Restricted access")                                                      \
    X(SearchEverywhere, "Search everywhere")                                                      \
    X(AddFavourite, "Add to favourites")                                                          \
    X(RemoveFavourite, "Remove from favourites")                                                  \
    X(Searching, "Searching…")                                                                  \
    X(SearchResults, "Found everywhere")                                                          \
    X(SearchNothing, "Nothing found for “%s”")                                              \
    X(SearchFailed, "The search did not work. Please try again.")                                 \
    /* map: gestures and locate me */                                                             \
    X(YourPosition, "Your position")                                                              \
    /* map markers: what each marker says in words, and the map legend */                         \
    X(MarkerLabelPower, "%s, %s, %s")                                                             \
    X(MarkerOutOfOrder, "out of order")                                                           \
    X(MarkerUnknown, "availability unknown")                                                      \
    X(MarkerUnreachable, "not reachable now")                                                     \
    X(MarkerAc, "AC")                                                                             \
    X(MarkerDc, "DC")                                                                             \
    X(MarkerAcDc, "AC and DC")                                                                    \
    X(MarkerAcUpTo, "AC up to %s")                                                                \
    X(MarkerDcUpTo, "DC up to %s")                                                                \
    X(MarkerAcDcUpTo, "AC and DC up to %s")                                                       \
    X(MapLegend, "Map legend")                                                                    \
    X(LegendTitle, "What the markers show")                                                       \
    X(LegendFree, "Green: a charger is free now")                                                 \
    X(LegendBusy, "Orange with a bar: all chargers in use")                                       \
    X(LegendOutOfOrder, "Red with a cross: out of order")                                         \
    X(LegendUnknown, "Grey with a question mark: availability unknown, or the charger is not reachable now")                           \
    X(LegendShape, "Round: AC (slower). Square: DC (fast).")                                      \
    X(LegendSize, "Bigger markers charge faster; zoomed in, the figure under a marker is its top power.") \
    X(LegendRing, "The ring is the operator's colour, where it has one.")                         \
    X(LegendCluster, "A circle with a number: that many chargers, green when one of them is free. Tap it to zoom in.") \
    X(LegendCredits, "Map data")                                                                  \
    X(ChargerDataCredit, "Charging station data: %s")                                             \
    X(LegendClose, "Close legend")                                                                \
    /* map: the sheet, favourites and the list */                                                 \
    X(FacilitiesLine, "At this place: %s")                                                        \
    X(FacilityHotel, "Hotel")                                                                     \
    X(FacilityRestaurant, "Restaurant")                                                           \
    X(FacilityCafe, "Café")                                                                       \
    X(FacilityMall, "Shopping centre")                                                            \
    X(FacilitySupermarket, "Supermarket")                                                         \
    X(FacilitySport, "Sports facilities")                                                         \
    X(FacilityRecreationArea, "Recreation area")                                                  \
    X(FacilityNature, "Nature")                                                                   \
    X(FacilityMuseum, "Museum")                                                                   \
    X(FacilityBusStop, "Bus stop")                                                                \
    X(FacilityTaxiStand, "Taxi stand")                                                            \
    X(FacilityTrainStation, "Train station")                                                      \
    X(FacilityAirport, "Airport")                                                                 \
    X(FacilityCarpoolParking, "Carpool parking")                                                  \
    X(FacilityFuelStation, "Fuel station")                                                        \
    X(FacilityWifi, "Wi-Fi")                                                                      \
    X(FacilityBikeSharing, "Bike sharing")                                                        \
    X(FacilityMetroStation, "Metro station")                                                      \
    X(FacilityParkingLot, "Car park")                                                             \
    X(FacilityTramStop, "Tram stop")                                                              \
    X(OpenAlways, "Open 24/7")                                                                    \
    X(OpeningHours, "Open: %s")                                                                   \
    X(WeekdayMon, "Mon")                                                                          \
    X(WeekdayTue, "Tue")                                                                          \
    X(WeekdayWed, "Wed")                                                                          \
    X(WeekdayThu, "Thu")                                                                          \
    X(WeekdayFri, "Fri")                                                                          \
    X(WeekdaySat, "Sat")                                                                          \
    X(WeekdaySun, "Sun")                                                                          \
    X(Favourites, "Favourites (%s)")                                                              \
    X(FavouritesHeading, "Your favourites, nearest first")                                        \
    X(FilterFavourites, "Favourites only")                                                        \
    X(FavouritesNone, "No favourites yet: open a charger and tap Add to favourites.")             \
    X(FavouritesLoading, "Loading your favourites…")                                              \
    X(ListCountOne, "1 charger in view")                                                          \
    X(ListCount, "%s chargers in view, nearest first")                                            \
    X(ListCountFromCentre, "%s chargers in view, nearest the map centre first")                   \
    X(ListRow, "%s · %s · %s · %s")                                                               \
    X(ListRowNoDistance, "%s · %s · %s")                                                          \
    /* scanning */                                                                                \
    X(Scan, "Scan QR code")                                                                       \
    X(ScanTitle, "Scan the charger's QR code")                                                    \
    X(ScanHint, "Point the camera at the QR code on the charger")                                 \
    X(CameraView, "Camera view")                                                                  \
    X(CameraStarting, "Starting the camera…")                                                   \
    X(CameraDenied, "The camera is blocked. Allow camera access for this site in the browser settings, or type the charger ID below.") \
    X(CameraNone, "No camera was found. Type the charger ID printed on the charger below.")       \
    X(CameraUnsupported, "This browser cannot open the camera here. Type the charger ID below.")  \
    X(CameraFailed, "The camera could not be started. Close other apps that use it, or type the charger ID below.") \
    X(OpenCamera, "Open camera")                                                                  \
    X(TorchOn, "Light on")                                                                        \
    X(TorchOff, "Light off")                                                                      \
    X(Cancel, "Cancel")                                                                           \
    X(EvseIdField, "Charger ID")                                                                  \
    X(EvseIdHint, "e.g. NL*GFX*E10154*1")                                                         \
    X(EvseIdIncomplete, "Keep typing: a charger ID looks like NL*GFX*E10154*1")                   \
    X(EvseIdInvalid, "This is not a charger ID. It looks like NL*GFX*E10154*1.")                  \
    X(EvseIdValid, "This looks like a charger ID")                                                \
    X(FindCharger, "Find charger")                                                                \
    X(LookingUpCharger, "Looking up the charger…")                                              \
    X(ScanRefusedOtherWebsite, "This code leads to another website (%s). It was not opened.")     \
    X(ScanRefusedUnsafe, "This code holds a link that is never opened here.")                     \
    X(ScanRefusedHidden, "This code holds hidden characters. It was not used.")                   \
    X(ScanRefusedTooLong, "This code holds too much data to be a charger code.")                  \
    X(ScanRefusedNotCharger, "This is not a charger code.")                                       \
    X(ScanUnknownCode, "No charger is known for this code.")                                      \
    X(ScanUnknownEvse, "No charger with this ID was found.")                                      \
    X(ScanMismatch, "This code's details do not match. It was not used.")                         \
    X(ScanResultTitle, "Check the charger")                                                       \
    X(ScanResultHint, "Compare with the charger in front of you before you continue.")            \
    X(FactChargerId, "Charger ID")                                                                \
    X(FactOperator, "Operator")                                                                   \
    X(FactAddress, "Address")                                                                     \
    X(FoundCharger, "Charger found: %s")                                                          \
    X(ScanAgain, "Scan again")                                                                    \
    /* portal and kiosk */                                                                        \
    X(AppStarting,  "Starting…")                                                                \
    X(CheckInTitle, "Charge on your room")                                                        \
    X(CheckInHint, "Enter your room number and surname as on your booking, or your booking reference.") \
    X(RoomNumber, "Room number")                                                                  \
    X(Surname, "Surname")                                                                         \
    X(BookingReference, "Or: booking reference")                                                  \
    X(CheckIn, "Continue")                                                                        \
    X(CheckingIn, "Checking…")                                                                  \
    X(GuestNotFound, "We could not find a stay with these details.")                             \
    X(TooManyAttempts, "Too many attempts. Please wait a while or ask the front desk.")          \
    X(StayNotStarted, "Your stay starts on %s. Charging on your room opens at 00:00 that day.")   \
    X(StayEnded, "Your stay ended on %s. Charging on the room closed at 23:59 that day.")         \
    X(CheckInIncomplete, "Enter your room number and surname, or your booking reference.")       \
    X(GuestTextTooLong, "A room number has at most 10 characters, a name or reference at most 50.") \
    X(HotelChargers, "Chargers for guests")                                                       \
    X(RoomBilling, "Room %s · charging goes on your room bill")                                  \
    X(ValidUntil, "You can charge until %s, 23:59")                                               \
    X(ChargedToRoom, "Charged to room %s")                                                        \
    X(SupportPhone, "Help: %s")                                                                   \
    X(AttractTitle, "Charge an electric car")                                                     \
    X(AttractHint, "A guided demo: choose a charger, see the price, charge and get the receipt. You play the driver and the car.") \
    X(AttractStart, "Tap to start the demo")                                                      \
    X(PreparingDemo, "Preparing the demo…")                                                     \
    X(KioskStep1, "Step 1 of 5: choose a connector to charge at.")                                \
    X(KioskStep2, "Step 2 of 5: the price comes first. The demo card pays: tap Start charging.")  \
    X(KioskStep3, "Step 3 of 5: now be the car. Plug in the cable below.")                        \
    X(KioskStep4, "Step 4 of 5: energy flows. Stop charging, unplug, or fill the battery.")       \
    X(KioskStep5, "Step 5 of 5: your receipt. Tap Done to end the demo.")                         \
    X(ChargerSide, "At the charger")                                                              \
    X(PlugIn, "Plug in the cable")                                                                \
    X(Unplug, "Unplug the cable")                                                                 \
    X(CarFull, "Battery full")                                                                    \
    X(ChargerActionRefused, "The charger could not do that now.")                                 \
    X(IdleCountdown, "Still there? The demo restarts in %s.")                                     \
    X(StillHere, "I'm still here")                                                                \
    X(SettingsTitle, "Display")                                                         \
    X(OpenSettings, "Display settings")                                                 \
    X(ThemeHeading, "Appearance")                                                       \
    X(ThemeSystem, "Same as this phone")                                                \
    X(ThemeLight, "Light")                                                              \
    X(ThemeDark, "Dark")                                                                \
    X(TextSizeHeading, "Text size")                                                     \
    X(TextSizeOption, "%s text")                                                        \
    X(TextSizeSample, "Charging at Marga · €0.35 per kWh")                              \
    X(LanguageHeading, "Language")                                                      \
    X(LanguageAutomatic, "As on this phone")                                            \
    X(StopAsk, "Stop charging at %s?")                                                  \
    X(StopAskDetail, "Tap Stop charging again to stop. The car can be unplugged once it has stopped.") \
    X(KeepCharging, "Keep charging")                                                    \
    X(SessionBar, "Charging at %s · %s")                                                \
    X(SessionBarNoCost, "Charging at %s")                                               \
    X(ShowCharging, "Show charging session")                                            \
    X(BackToMap, "Map")                                                                 \
    X(AtCharger, "%s · %s")                                                             \
    X(SoFar, "so far")                                                                  \
    X(StepOf, "Step %d of %d: %s")                                                      \
    X(DemoRestarted, "The demo restarted")

enum class Str : int {
#define CORE_STRING_ID(id, text) id,
    CORE_STRING_TABLE(CORE_STRING_ID)
#undef CORE_STRING_ID
};

inline constexpr size_t kStrCount = 0
#define CORE_STRING_COUNT(id, text) +1
    CORE_STRING_TABLE(CORE_STRING_COUNT)
#undef CORE_STRING_COUNT
    ;

// The text of a string id in the current language (English where a language lacks it).
const char* tr(Str id);
// The text in `l`, or nullptr when `l` has none for `id` (for the checks over the tables).
const char* translation(Language l, Str id);
// The web build keeps only English in the wasm: Dutch, German and French come as data files
// (tools/make_strings.py writes them from strings_<code>.cpp, in the packed form of string_table.hpp
// behind an 8-byte header) fetched when a driver first needs them. The native build links all four.
// Whether tr() has `l`'s own texts now (English always; the others once compiled in or installed).
bool has_translation(Language l);
// Takes a translation file's bytes for `l`; false (and nothing changes) when they are not a table
// of this build's ids: wrong header, a count or id list of another build, an offset out of bounds.
bool install_translation(Language l, std::string_view bytes);
// The header's id check: FNV-1a over the ids' names, each followed by a comma, in table order.
uint32_t string_ids_hash();

// `one` or `other` by the current language's plural rule for `n` (French: 0 and 1 are one).
Str plural(int64_t n, Str one, Str other);

// The text with its %s / %d placeholders filled, in order, by `args` (already formatted;
// numbers go through locale_format). Missing arguments leave the placeholder empty.
std::string tr_format(Str id, std::initializer_list<std::string_view> args);

}  // namespace core
