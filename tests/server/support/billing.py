"""An independent statement of what a driver pays under the walkthrough's tariff A1, to check the
server's CDRs against: FLAT 1.64 once, ENERGY 2.106 per kWh, TIME 0.351 per hour billed per started
minute (stepSize 60), prices incl. 13 % VAT. The total is the exact sum rounded to cents, half up;
the VAT is the part of that exact sum the 13 % accounts for, rounded to cents."""
import math
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction


def cents(amount):
    exact = Decimal(amount.numerator) / Decimal(amount.denominator)
    return exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def a1_bill(energy_kwh, charging_seconds):
    """(total, vat) for a session at an A1 connector that never parked."""
    billed_minutes = math.ceil(charging_seconds / 60)
    exact = Fraction("1.64") + Fraction("2.106") * Fraction(str(energy_kwh)) + Fraction("0.351") * billed_minutes / 60
    return cents(exact), cents(exact * 13 / 113)


def metered_kwh(power_kw, seconds):
    """A meter's reading after `seconds` at a constant `power_kw`: whole Wh, rounded down."""
    return Fraction(math.floor(Fraction(str(power_kw)) * seconds * 1000 / 3600), 1000)
