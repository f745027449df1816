// The JSON examples of the Charge Assist walkthrough (seed 002), verbatim: the wire format of record.
#pragma once

namespace seed {

inline constexpr const char* kSeedChargeCardRequest = R"json({
    "visualNumber": "770674109963002836"
})json";

inline constexpr const char* kSeedChargeCard = R"json({
    "id": "6e6a4130-bdb6-4375-ae3d-19edcd2849fc",
    "type": "CHARGE_CARD",
    "chargeCardIssuer": "name",
    "cardHint": "** **** **** **** 2836",
    "cardShortHint": "750674109943002836",
    "isVidMapped": false,
    "isAccountPaymentMethod": false,
    "verificationStatus": "PENDING"
})json";

inline constexpr const char* kSeedExternalMethod = R"json({
   "id":"862f291f-2dta-46e5-8956-57e566c4ebff",
   "externalPaymentMethodId":"UFSedBQuyYajI25hy3Y6TsdeSF",
   "type":"EXTERNAL",
   "isVidMapped":false,
   "verificationStatus":"VALID"
})json";

inline constexpr const char* kSeedBoundingBox = R"json({
    "boundingBox": {
        "bottomLeftLat": 52.362815,
        "bottomLeftLng": 4.9188916,
        "topRightLat": 53.362815,
        "topRightLng": 5.9188916
    },
    "data": [{
        "id": "nl-gfx-a2f2ce5a-8721-4077-9739-6d1a6dce20e0",
        "type": "ON_STREET",
        "name": "Marga",
        "add": "Margaklompehof 11",
        "city": "Almere",
        "country": "NLD",
        "lat": 52.37707,
        "lng": 5.21647,
        "conAvail": 2,
        "conTot": 3,
        "dp": true,
        "rfid": true,
        "branding": {
            "id": "greenflux",
            "displayName": "Demo Station",
            "primaryColorHex": "#50B748",
            "logoUrl": "https://gfxappa.blob.core.windows.net/logos/709aedda-0be9-4fec-9418-a227d4ef7c76.png",
            "supportPhone": "0201234567",
            "supportEmail": "[email protected]",
            "supportWebsite": "https://greenflux.com/this-is-acc"
        }
    }, {
        "id": "nl-gfx-40fa8af1-c3f0-45e2-ad72-59b0f384fd02",
        "type": "ON_STREET",
        "name": "Van der Valk Hotel Volendam",
        "add": "Wagenweg 1",
        "city": "Katwoude",
        "country": "NLD",
        "lat": 52.48745,
        "lng": 5.03248,
        "conAvail": 1,
        "conTot": 2,
        "dp": true,
        "rfid": true,
        "brandingId": "greenflux"
    }],
    "meta": {
        "count": 2,
        "hasMoreData": false
    }
})json";

inline constexpr const char* kSeedLocation = R"json({
    "id": "nl-gfx-a2f2ce5a-8721-4077-9739-6d1a6dce20e0",
    "type": "UNKNOWN",
    "name": "Marga",
    "address": "Margaklompehof 11",
    "city": "Almere",
    "postalCode": "1314 WL",
    "country": "NLD",
    "coordinates": {
        "latitude": 52.37707,
        "longitude": 5.21647
    },
    "evses": [{
        "uid": "NL-GFX-EAddCS123-1",
        "displayName": "AddCS123-1",
        "status": "CHARGING",
        "capabilities": [],
        "connectors": [{
            "id": "1",
            "standard": "IEC_62196_T2",
            "format": "SOCKET",
            "powerType": "AC_3_PHASE",
            "phases": 3,
            "kw": 11,
            "voltage": 230,
            "amperage": 16,
            "tariffId": "A1"
        }],
        "chargingNotAllowed": false,
        "directions": [{
            "language": "en",
            "text": "the directions to the EVSE"
        }],
        "restrictedAccess": false
    }, {
        "uid": "NL-GFX-EChargestation-1",
        "displayName": "Chargestation-1",
        "status": "AVAILABLE",
        "capabilities": [],
        "connectors": [{
            "id": "1",
            "standard": "IEC_62196_T2",
            "format": "SOCKET",
            "powerType": "AC_1_PHASE",
            "phases": 1,
            "kw": 7,
            "voltage": 230,
            "amperage": 32,
            "tariffId": "A1"
        }],
        "chargingNotAllowed": false,
        "directions": [{
            "language": "en",
            "text": "text"
        }],
        "restrictedAccess": false
    }, {
        "uid": "NL-GFX-ENL-GFX-Ramya-TEST01-1",
        "displayName": "TEST01-1",
        "status": "AVAILABLE",
        "capabilities": [],
        "connectors": [{
            "id": "1",
            "standard": "IEC_62196_T2",
            "format": "CABLE",
            "powerType": "AC_1_PHASE",
            "phases": 1,
            "kw": 7,
            "voltage": 230,
            "amperage": 32,
            "tariffId": "A1"
        }],
        "floorLevel": "3",
        "chargingNotAllowed": false,
        "directions": [{
            "language": "en",
            "text": "text"
        }],
        "restrictedAccess": false
    }, {
        "uid": "NL-GFX-EExternalID123-1",
        "displayName": "xternalID123-1",
        "status": "UNKNOWN",
        "capabilities": [],
        "connectors": [{
            "id": "1",
            "standard": "IEC_62196_T2",
            "format": "SOCKET",
            "powerType": "AC_3_PHASE",
            "phases": 3,
            "kw": 11,
            "voltage": 230,
            "amperage": 16,
            "tariffId": "A5"
        }],
        "chargingNotAllowed": false,
        "directions": [],
        "restrictedAccess": false
    }],
    "directions": [{
        "language": "en",
        "text": "The directions to the location"
    }],
    "operator": {
        "name": "GreenFlux",
        "website": "https://www.greenflux.com",
        "logo": {
            "url": "https://gfxrevoltt.blob.core.windows.net/logos/2ddfb149-a53a-4d92-a9d3-e43035d5ce5f.png",
            "thumbnail": "https://gfxrevoltt.blob.core.windows.net/logos/2ddfb149-a53a-4d92-a9d3-e43035d5ce5f.png",
            "category": "OPERATOR",
            "type": "png",
            "width": 0,
            "height": 0
        }
    },
    "facilities": ["MALL"],
    "branding": {
        "id": "greenflux",
        "displayName": "Total Demo",
        "primaryColorHex": "#50B748",
        "logoUrl": "https://gfxappa.blob.core.windows.net/logos/709aedda-0be9-4fec-9418-a227d4ef7c76.png",
        "supportPhone": "0201234567",
        "supportEmail": "[email protected]",
        "supportWebsite": "https://greenflux.com/this-is-acc"
    },
    "smartChargingEnabled": false,
    "reservationEnabled": false,
    "dp": true,
    "rfid": true,
    "pms": ["CHARGE_CARD", "MASTER_CARD", "VISA", "AMEX", "APPLE_PAY", "GOOGLE_PAY"],
    "issuers": [],
    "availability": "NONE"
})json";

inline constexpr const char* kSeedTariffs = R"json({
    "data": [{
        "tariff": {
            "tariffType": "RETAIL",
            "vatPercentage": 13.00,
            "currency": "EUR",
            "isVatIncluded": true,
            "elements": [{
                "priceComponents": [{
                    "price": 1.64,
                    "type": "FLAT",
                    "stepSize": 1,
                    "vat": 13.00
                }, {
                    "price": 2.106,
                    "type": "ENERGY",
                    "stepSize": 1,
                    "vat": 13.00
                }, {
                    "price": 0.351,
                    "type": "TIME",
                    "stepSize": 60,
                    "vat": 13.00
                }]
            }]
        },
        "validity": "VALID",
        "paymentMethod": {
            "id": "112f291f-2dda-46e5-9956-57e566b4ebff",
            "externalPaymentMethodId": "UFSedBQuyYajI25hy3Y6TsdeSF",
            "type": "EXTERNAL",
            "isCompatible": false,
            "isVidMapped": false,
            "isAccountPaymentMethod": false,
            "verificationStatus": "VALID"
        }
    }, {
        "validity": "UNKNOWN",
        "paymentMethod": {
            "id": "6e6a4130-bdb6-4375-ae3d-19edcd2849fc",
            "type": "CHARGE_CARD",
            "chargeCardIssuer": "name",
            "cardHint": "** **** **** **** 2836",
            "cardShortHint": "750674108943002836",
            "isCompatible": true,
            "isVidMapped": false,
            "isAccountPaymentMethod": false,
            "verificationStatus": "PENDING"
        }
    }],
    "meta": {
        "count": 2,
        "hasMoreData": false
    }
})json";

inline constexpr const char* kSeedStartRequest = R"json({
    "locationId": "nl-gfx-3889ee184-33fd-464f-a18c-e96r5479b7b3",
    "evseUid": "NL-GFX-ECentralTrain-Station-1",
    "connectorId": "1",
    "paymentMethodId": "6e6a4130-bdb6-4375-ae3d-19edcd2849fc"
})json";

inline constexpr const char* kSeedStart = R"json({
    "chargeSessionId": "38ac4790-c7e0-4b55-95a9-a7fe590081fc",
    "nextStatusCall": "2021-06-14T08:57:20.0231712+00:00"
})json";

inline constexpr const char* kSeedStatusCharging = R"json({
    "locationId": "nl-gfx-3889ee184-33fd-464f-a18c-e96r5479b7b3",
    "evseUid": "NL-GFX-ECentralTrain-Station-1",
    "connectorId": "1",
    "status": "CHARGING",
    "canRateSession": false,
    "energyInKwh": 10.15,
    "currentPowerInKw": 213.02,
    "currency": "EUR",
    "startTime": "2021-06-14T10:59:20+02:00",
    "endTime": null,
    "nextStatusCall": "2021-06-14T09:04:03.853177+00:00",
    "smartChargingEnabled": false,
    "prioritySessionStatus": "NOT_APPLICABLE",
    "vidStatus": "VID_NOT_AVAILABLE",
    "chargingNotAllowed": false
})json";

inline constexpr const char* kSeedStopCdr = R"json({
    "locationId": "nl-gfx-3889ee184-33fd-464f-a18c-e96r5479b7b3",
    "evseUid": "NL-GFX-ECentralTrain-Station-1",
    "connectorId": "1",
    "status": "CDR_AVAILABLE",
    "canRateSession": false,
    "energyInKwh": 20.86,
    "currentPowerInKw": 0.0,
    "totalCosts": 20.45,
    "totalVat": 2.35,
    "vatPercentage": 13.0,
    "currency": "EUR",
    "startTime": "2021-06-14T11:56:56+02:00",
    "endTime": null,
    "nextStatusCall": "2021-06-14T09:59:58.5063223+00:00",
    "smartChargingEnabled": false,
    "prioritySessionStatus": "NOT_APPLICABLE",
    "vidStatus": "VID_NOT_AVAILABLE",
    "chargingNotAllowed": false
})json";

}  // namespace seed
