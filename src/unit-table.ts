/**
 * Every unit, in one table: adding a unit is one line. Each row gives
 *   symbols   the short names, space-separated (the first is the one help shows)
 *   names     long names; a plural is the name + "s" unless written name/plural ("foot/feet"),
 *             and "-" after the slash means the name has no plural
 *   is        the definition, in a small language of its own (read by units.ts): numbers,
 *             "pi", names of units defined above with integer powers (^2, ^-1), "*" and "/"
 *             (each "/" divides by the one item after it), and [dimension] for the coherent
 *             SI unit of a base dimension (the kilogram for [mass])
 *   prefixes  "si": quecto to quetta on the symbols and long names; "bytes": the SI multiples
 *             (kilo and up: a decibyte would make 3 dB a quantity of bytes) and the binary
 *             ones (Ki, Mi, … and kibi, mebi, …)
 *   prefixedOnly  symbols that stand only after a prefix: "b" makes Mb and Gb megabit and
 *             gigabit, while b alone is ambiguous (the barn or the bit) and says so
 *   except    prefixed spellings the row does not take: "hbar" is not the hectobar (write
 *             hectobar), so that hbar can be the reduced Planck constant
 *   offset    only the Celsius and Fahrenheit scales: kelvin = (value + offset) × the factor
 *   compound  a product of units that splits into its parts when one of them cancels:
 *             60 mph * 2 h is 120 mi
 *   source    where the definition comes from
 * Every definition is exact (a rational, times a power of pi for angles and the parsec) as the
 * law makes it, except the dalton: a measured constant, its source cites the CODATA value used.
 *
 * A name means one unit. Where a name could also be read as a prefix and another unit's name (ft:
 * the foot, or a femtotonne), the name in the table wins, and SHADOWS below lists every such
 * name and what it is not; tests/units-table.test.ts keeps that list complete.
 */

export interface UnitRow {
  readonly symbols: string;
  readonly names: string;
  readonly is: string;
  readonly prefixes?: "si" | "bytes";
  readonly offset?: string;
  readonly compound?: true;
  readonly prefixedOnly?: string;
  readonly except?: string;
  readonly source: string;
}

const SI_BROCHURE = "BIPM, The International System of Units (SI), 9th edition, 2019";
const SI_TABLE_4 = `${SI_BROCHURE}, table 4 (derived units with special names)`;
const SI_TABLE_8 = `${SI_BROCHURE}, table 8 (non-SI units accepted for use with the SI)`;
const YARD_AND_POUND = "International Yard and Pound Agreement of 1959 (US Federal Register, 1959-07-01): yd = 0.9144 m, lb = 0.45359237 kg";
const NIST_811 = "NIST Special Publication 811 (2008), appendix B.8";
const HANDBOOK_44 = "NIST Handbook 44 (2024), appendix C: US customary units of liquid volume";
const HANDBOOK_44_C = "NIST Handbook 44 (2024), appendix C (on the international foot and pound of 1959)";
const UK_WMA = "UK Weights and Measures Act 1985, schedule 1";
const IEC_80000_13 = "IEC 80000-13:2008 (bits, bytes and the binary prefixes)";
const ISO_80000_3 = "ISO 80000-3:2019 (space and time)";
const CSS_UNITS = "W3C, CSS Values and Units Module Level 3: 1in = 72pt, 1pc = 12pt (the PostScript point)";
const SURVEY_FOOT = "US survey foot = 1200/3937 m (Mendenhall Order, 1893; retired for new work by 85 FR 62698, 2020)";
const CALC_YEAR = "calc's year: the Julian year of 365.25 days (IAU)";
const CGS = `${NIST_811} (CGS units)`;

export const UNIT_TABLE: readonly UnitRow[] = [
  // base units of the SI
  { symbols: "m", names: "metre meter", is: "[length]", prefixes: "si", source: SI_BROCHURE },
  { symbols: "g", names: "gram", is: "1/1000 [mass]", prefixes: "si", source: `${SI_BROCHURE} (the kilogram is the base unit)` },
  { symbols: "s sec secs", names: "second", is: "[time]", prefixes: "si", source: SI_BROCHURE },
  { symbols: "A", names: "ampere amp", is: "[current]", prefixes: "si", source: SI_BROCHURE },
  { symbols: "K", names: "kelvin", is: "[temperature]", prefixes: "si", source: SI_BROCHURE },
  { symbols: "mol", names: "mole", is: "[amount]", prefixes: "si", source: SI_BROCHURE },
  { symbols: "cd", names: "candela", is: "[luminous intensity]", prefixes: "si", source: SI_BROCHURE },
  { symbols: "bit", names: "bit", is: "[information]", prefixes: "bytes", prefixedOnly: "b", source: IEC_80000_13 },
  { symbols: "rad", names: "radian", is: "[angle]", prefixes: "si", source: `${SI_BROCHURE}, table 4 (rad = 1)` },

  // length
  { symbols: "in", names: "inch/inches", is: "2.54 cm", source: YARD_AND_POUND },
  { symbols: "ft", names: "foot/feet", is: "12 in", source: YARD_AND_POUND },
  { symbols: "yd yds", names: "yard", is: "3 ft", source: YARD_AND_POUND },
  { symbols: "mi", names: "mile", is: "5280 ft", source: YARD_AND_POUND },
  { symbols: "nmi", names: "nautical_mile", is: "1852 m", source: `International Hydrographic Conference, 1929; ${NIST_811}` },
  { symbols: "au", names: "astronomical_unit", is: "149597870700 m", source: "IAU 2012 Resolution B2" },
  { symbols: "ly", names: "light_year lightyear", is: "299792458 m/s * 365.25 day", source: "IAU: the distance light travels in a Julian year" },
  { symbols: "Å \u212B", names: "angstrom ångström", is: "1e-10 m", source: NIST_811 },
  { symbols: "pc", names: "parsec", is: "648000 au / pi", prefixes: "si", source: "IAU 2015 Resolution B2: 1 pc = 648000/π au exactly" },
  { symbols: "light_second", names: "light_second", is: "299792458 m", source: "the distance light travels in 1 s (c = 299792458 m/s, 17th CGPM, 1983)" },
  { symbols: "light_minute", names: "light_minute", is: "60 light_second", source: "the distance light travels in 1 min (c = 299792458 m/s, 17th CGPM, 1983)" },
  { symbols: "furlong", names: "furlong", is: "660 ft", source: HANDBOOK_44_C },
  { symbols: "ch chain", names: "chain", is: "66 ft", source: `${HANDBOOK_44_C} (Gunter's chain)` },
  { symbols: "link", names: "link", is: "chain/100", source: HANDBOOK_44_C },
  { symbols: "rod", names: "rod pole", is: "16.5 ft", source: HANDBOOK_44_C },
  { symbols: "ftm fathom", names: "fathom", is: "6 ft", source: HANDBOOK_44_C },
  { symbols: "mil thou", names: "mil thou/-", is: "in/1000", source: NIST_811 },
  { symbols: "point", names: "point", is: "in/72", source: CSS_UNITS },
  { symbols: "pica", names: "pica", is: "12 point", source: CSS_UNITS },
  { symbols: "RU", names: "rack_unit", is: "1.75 in", source: "EIA-310-E (1992): the rack unit of 19-inch racks, 1.75 in" },
  { symbols: "micron", names: "micron", is: "µm", source: "13th CGPM (1967), resolution 7: the micron is the micrometre" },
  { symbols: "fermi", names: "fermi", is: "fm", source: NIST_811 },
  { symbols: "survey_foot", names: "survey_foot/survey_feet", is: "1200/3937 m", source: SURVEY_FOOT },
  { symbols: "survey_mile", names: "survey_mile", is: "5280 survey_foot", source: SURVEY_FOOT },

  // mass
  { symbols: "t", names: "tonne metric_ton", is: "1000 kg", prefixes: "si", source: SI_TABLE_8 },
  { symbols: "lb lbs", names: "pound", is: "0.45359237 kg", source: YARD_AND_POUND },
  { symbols: "oz", names: "ounce", is: "lb/16", source: `${NIST_811} (avoirdupois ounce)` },
  { symbols: "st", names: "stone", is: "14 lb", source: NIST_811 },
  { symbols: "ct", names: "carat", is: "200 mg", source: "4th CGPM, 1907 (the metric carat)" },
  { symbols: "short_ton", names: "short_ton", is: "2000 lb", source: NIST_811 },
  { symbols: "long_ton", names: "long_ton", is: "2240 lb", source: NIST_811 },
  { symbols: "short_cwt", names: "short_hundredweight", is: "100 lb", source: HANDBOOK_44_C },
  { symbols: "long_cwt", names: "long_hundredweight", is: "112 lb", source: HANDBOOK_44_C },
  { symbols: "gr", names: "grain", is: "lb/7000", source: HANDBOOK_44_C },
  { symbols: "dr", names: "dram", is: "oz/16", source: `${HANDBOOK_44_C} (avoirdupois dram)` },
  { symbols: "ozt", names: "troy_ounce", is: "480 gr", source: HANDBOOK_44_C },
  { symbols: "lbt", names: "troy_pound", is: "12 ozt", source: HANDBOOK_44_C },
  { symbols: "dwt", names: "pennyweight", is: "24 gr", source: HANDBOOK_44_C },
  { symbols: "scruple", names: "scruple", is: "20 gr", source: `${HANDBOOK_44_C} (apothecaries' scruple)` },
  { symbols: "mcg", names: "", is: "µg", source: "the microgram as US prescriptions write it (ISMP list of error-prone abbreviations: mcg, not µg)" },
  { symbols: "slug", names: "slug", is: "lbf * s^2 / ft", source: NIST_811 },
  {
    symbols: "Da",
    names: "dalton",
    is: "1.66053906892e-27 kg",
    prefixes: "si",
    source: "CODATA 2022 recommended value (NIST, 2024): m_u = 1.66053906892(52)e-27 kg; measured, not exact",
  },

  // time
  { symbols: "min mins", names: "minute", is: "60 s", source: SI_TABLE_8 },
  { symbols: "h hr hrs", names: "hour", is: "60 min", source: SI_TABLE_8 },
  { symbols: "day", names: "day", is: "24 h", source: SI_TABLE_8 },
  { symbols: "week wk wks", names: "week", is: "7 day", source: ISO_80000_3 },
  { symbols: "fortnight", names: "fortnight", is: "14 day", source: "two weeks (Oxford English Dictionary: fourteen nights)" },
  { symbols: "year yr yrs", names: "year julian_year", is: "365.25 day", source: "IAU: the Julian year of 365.25 days" },
  { symbols: "month mo", names: "month", is: "year/12", source: `1/12 of ${CALC_YEAR}: 30.4375 days` },
  { symbols: "decade", names: "decade", is: "10 year", source: `10 × ${CALC_YEAR}` },
  { symbols: "century", names: "century/centuries", is: "100 year", source: `100 × ${CALC_YEAR}` },
  { symbols: "millennium", names: "millennium/millennia", is: "1000 year", source: `1000 × ${CALC_YEAR}` },
  { symbols: "gregorian_year", names: "gregorian_year", is: "365.2425 day", source: "the Gregorian calendar (1582): 146097 days in 400 years" },
  { symbols: "common_year", names: "common_year", is: "365 day", source: "the Gregorian calendar (1582): a year without 29 February" },
  { symbols: "leap_year", names: "leap_year", is: "366 day", source: "the Gregorian calendar (1582): a year with 29 February" },
  { symbols: "shake", names: "shake", is: "1e-8 s", source: NIST_811 },

  // temperature: absolute scales with an offset
  { symbols: "°C degC ℃", names: "celsius/- degree_celsius/degrees_celsius", is: "K", offset: "273.15", source: SI_BROCHURE },
  { symbols: "°F degF ℉", names: "fahrenheit/- degree_fahrenheit/degrees_fahrenheit", is: "5/9 K", offset: "459.67", source: NIST_811 },
  // the Rankine scale starts at absolute zero: no offset
  { symbols: "°R degR", names: "rankine/- degree_rankine/degrees_rankine", is: "5/9 K", source: NIST_811 },

  // area
  { symbols: "ha", names: "hectare", is: "10000 m^2", source: SI_TABLE_8 },
  { symbols: "are", names: "are", is: "100 m^2", source: NIST_811 },
  { symbols: "acre", names: "acre", is: "4840 yd^2", source: `${NIST_811} (the international acre)` },
  { symbols: "barn", names: "barn", is: "1e-28 m^2", prefixes: "si", source: NIST_811 },
  { symbols: "cmil", names: "circular_mil", is: "pi/4 mil^2", source: NIST_811 },
  { symbols: "sqm", names: "square_metre square_meter", is: "m^2", compound: true, source: SI_BROCHURE },
  { symbols: "sqkm", names: "square_kilometre square_kilometer", is: "km^2", compound: true, source: SI_BROCHURE },
  { symbols: "sqcm", names: "square_centimetre square_centimeter", is: "cm^2", compound: true, source: SI_BROCHURE },
  { symbols: "sqmm", names: "square_millimetre square_millimeter", is: "mm^2", compound: true, source: SI_BROCHURE },
  { symbols: "sqin", names: "square_inch/square_inches", is: "in^2", compound: true, source: YARD_AND_POUND },
  { symbols: "sqft", names: "square_foot/square_feet", is: "ft^2", compound: true, source: YARD_AND_POUND },
  { symbols: "sqyd", names: "square_yard", is: "yd^2", compound: true, source: YARD_AND_POUND },
  { symbols: "sqmi", names: "square_mile", is: "mi^2", compound: true, source: YARD_AND_POUND },

  // volume
  { symbols: "L l", names: "litre liter", is: "dm^3", prefixes: "si", source: `12th CGPM, 1964; ${SI_TABLE_8}` },
  { symbols: "cc", names: "cubic_centimetre cubic_centimeter", is: "cm^3", compound: true, source: SI_BROCHURE },
  { symbols: "stere", names: "stere", is: "m^3", source: NIST_811 },
  { symbols: "cuin", names: "cubic_inch/cubic_inches", is: "in^3", compound: true, source: YARD_AND_POUND },
  { symbols: "cuft", names: "cubic_foot/cubic_feet", is: "ft^3", compound: true, source: YARD_AND_POUND },
  { symbols: "cuyd", names: "cubic_yard", is: "yd^3", compound: true, source: YARD_AND_POUND },
  { symbols: "gal gals", names: "gallon", is: "231 in^3", source: HANDBOOK_44 },
  { symbols: "qt", names: "quart", is: "gal/4", source: HANDBOOK_44 },
  { symbols: "pt", names: "pint", is: "qt/2", source: HANDBOOK_44 },
  { symbols: "cup", names: "cup", is: "pt/2", source: HANDBOOK_44 },
  { symbols: "gill", names: "gill", is: "cup/2", source: HANDBOOK_44 },
  { symbols: "floz fl_oz", names: "fluid_ounce", is: "cup/8", source: HANDBOOK_44 },
  { symbols: "tbsp", names: "tablespoon", is: "floz/2", source: HANDBOOK_44 },
  { symbols: "tsp", names: "teaspoon", is: "tbsp/3", source: HANDBOOK_44 },
  { symbols: "fldr", names: "fluid_dram", is: "floz/8", source: HANDBOOK_44 },
  { symbols: "minim", names: "minim", is: "fldr/60", source: HANDBOOK_44 },
  { symbols: "bbl", names: "barrel", is: "42 gal", source: `${NIST_811} (the barrel of petroleum)` },
  { symbols: "bu", names: "bushel", is: "2150.42 in^3", source: `${HANDBOOK_44_C} (the US bushel)` },
  { symbols: "pk", names: "peck", is: "bu/4", source: HANDBOOK_44_C },
  { symbols: "dry_qt", names: "dry_quart", is: "bu/32", source: HANDBOOK_44_C },
  { symbols: "dry_pt", names: "dry_pint", is: "dry_qt/2", source: HANDBOOK_44_C },
  { symbols: "acre_ft", names: "acre_foot/acre_feet", is: "acre*ft", compound: true, source: NIST_811 },
  { symbols: "cord", names: "cord", is: "128 ft^3", source: NIST_811 },
  { symbols: "ukgal", names: "imperial_gallon", is: "4.54609 L", source: UK_WMA },
  { symbols: "ukqt", names: "imperial_quart", is: "ukgal/4", source: UK_WMA },
  { symbols: "ukpt", names: "imperial_pint", is: "ukqt/2", source: UK_WMA },
  { symbols: "ukgill", names: "imperial_gill", is: "ukpt/4", source: UK_WMA },
  { symbols: "ukfloz", names: "imperial_fluid_ounce", is: "ukgal/160", source: UK_WMA },

  // speed and flow
  { symbols: "mph", names: "mile_per_hour/miles_per_hour", is: "mi/h", compound: true, source: YARD_AND_POUND },
  { symbols: "kph", names: "kilometre_per_hour/kilometres_per_hour kilometer_per_hour/kilometers_per_hour", is: "km/h", compound: true, source: SI_TABLE_8 },
  { symbols: "knot kn", names: "knot", is: "nmi/h", compound: true, source: NIST_811 },
  { symbols: "cfm", names: "cubic_foot_per_minute/cubic_feet_per_minute", is: "ft^3/min", compound: true, source: YARD_AND_POUND },
  { symbols: "gpm", names: "gallon_per_minute/gallons_per_minute", is: "gal/min", compound: true, source: HANDBOOK_44 },
  { symbols: "galileo", names: "galileo", is: "cm/s^2", source: CGS },

  // fuel economy: a length per volume (US gallons)
  { symbols: "mpg", names: "mile_per_gallon/miles_per_gallon", is: "mi/gal", compound: true, source: `${YARD_AND_POUND}; ${HANDBOOK_44}` },

  // mechanics
  { symbols: "N", names: "newton", is: "kg*m/s^2", prefixes: "si", source: SI_BROCHURE },
  { symbols: "lbf", names: "pound_force/pounds_force", is: "lb * 9.80665 m/s^2", source: `${NIST_811} (standard gravity, 3rd CGPM, 1901)` },
  { symbols: "kgf kp", names: "kilogram_force/kilograms_force kilopond", is: "kg * 9.80665 m/s^2", source: `${NIST_811} (standard gravity, 3rd CGPM, 1901)` },
  { symbols: "ozf", names: "ounce_force/ounces_force", is: "lbf/16", source: NIST_811 },
  { symbols: "kip", names: "kip", is: "1000 lbf", source: NIST_811 },
  { symbols: "pdl", names: "poundal", is: "lb*ft/s^2", source: NIST_811 },
  { symbols: "dyn", names: "dyne", is: "g*cm/s^2", source: CGS },
  { symbols: "J", names: "joule", is: "N*m", prefixes: "si", source: SI_BROCHURE },
  { symbols: "ftlbf", names: "foot_pound/foot_pounds", is: "ft*lbf", compound: true, source: NIST_811 },
  { symbols: "erg", names: "erg", is: "dyn*cm", source: CGS },
  { symbols: "Wh", names: "watt_hour", is: "W*h", prefixes: "si", compound: true, source: SI_TABLE_8 },
  { symbols: "cal", names: "calorie", is: "4.184 J", prefixes: "si", source: `${NIST_811} (the thermochemical calorie)` },
  { symbols: "Cal", names: "food_calorie", is: "kcal", source: `the kilocalorie (thermochemical, 4184 J) that food labels call Calorie; ${NIST_811}` },
  {
    symbols: "cal_IT",
    names: "international_calorie",
    is: "4.1868 J",
    prefixes: "si",
    source: "Fifth International Conference on the Properties of Steam, London, 1956 (the International Table calorie)",
  },
  { symbols: "eV", names: "electronvolt electron_volt", is: "1.602176634e-19 J", prefixes: "si", source: `${SI_TABLE_8} (e = 1.602176634e-19 C exactly)` },
  { symbols: "BTU Btu", names: "british_thermal_unit", is: "1055.05585262 J", source: `${NIST_811} (the International Table BTU)` },
  { symbols: "therm", names: "therm", is: "105480400 J", source: `${NIST_811} (the US therm)` },
  { symbols: "therm_EC", names: "", is: "100000 BTU", source: `${NIST_811} (the EC therm, 100000 BTU)` },
  { symbols: "quad", names: "quad", is: "1e15 BTU", source: "US Energy Information Administration: a quadrillion (10^15) BTU" },
  { symbols: "tTNT", names: "ton_of_TNT/tons_of_TNT", is: "4.184e9 J", prefixes: "si", source: `${NIST_811} (ton of TNT, energy equivalent)` },
  { symbols: "toe", names: "tonne_of_oil_equivalent/tonnes_of_oil_equivalent", is: "1e7 kcal_IT", source: "IEA/OECD energy statistics: 1 toe = 10^7 kcal (International Table) = 41.868 GJ" },
  { symbols: "W", names: "watt", is: "J/s", prefixes: "si", source: SI_BROCHURE },
  { symbols: "hp", names: "horsepower/-", is: "550 ft*lbf/s", source: `${NIST_811} (mechanical horsepower)` },
  { symbols: "PS", names: "metric_horsepower/-", is: "75 kgf*m/s", source: `${NIST_811} (metric horsepower: 75 kgf·m/s, DIN 66036)` },
  { symbols: "hp_E", names: "electric_horsepower/-", is: "746 W", source: `${NIST_811} (electric horsepower)` },
  { symbols: "TR", names: "ton_of_refrigeration/tons_of_refrigeration", is: "12000 BTU/h", source: `${NIST_811} (ton of refrigeration, 12000 BTU/h)` },
  { symbols: "VA", names: "volt_ampere", is: "V*A", prefixes: "si", compound: true, source: "IEC 80000-6:2008 (the volt-ampere, unit of apparent power)" },
  { symbols: "Pa", names: "pascal", is: "N/m^2", prefixes: "si", source: SI_BROCHURE },
  // the hectobar is written out: hbar is left for the reduced Planck constant
  { symbols: "bar", names: "bar", is: "100000 Pa", prefixes: "si", except: "hbar", source: NIST_811 },
  { symbols: "barye", names: "barye", is: "dyn/cm^2", source: CGS },
  { symbols: "atm", names: "atmosphere standard_atmosphere", is: "101325 Pa", source: "10th CGPM, 1954 (the standard atmosphere)" },
  { symbols: "technical_atmosphere", names: "technical_atmosphere", is: "kgf/cm^2", source: NIST_811 },
  { symbols: "psi", names: "pound_per_square_inch/pounds_per_square_inch", is: "lbf/in^2", source: NIST_811 },
  { symbols: "ksi", names: "kip_per_square_inch/kips_per_square_inch", is: "1000 psi", source: NIST_811 },
  { symbols: "psf", names: "pound_per_square_foot/pounds_per_square_foot", is: "lbf/ft^2", source: NIST_811 },
  { symbols: "mmHg", names: "millimetre_of_mercury/millimetres_of_mercury", is: "133.322387415 Pa", source: `${NIST_811} (conventional)` },
  { symbols: "inHg", names: "inch_of_mercury/inches_of_mercury", is: "25.4 mmHg", source: `${NIST_811} (conventional, 13595.1 kg/m^3)` },
  { symbols: "mmH2O", names: "millimetre_of_water/millimetres_of_water", is: "9.80665 Pa", source: `${NIST_811} (conventional, 1000 kg/m^3)` },
  { symbols: "cmH2O", names: "centimetre_of_water/centimetres_of_water", is: "10 mmH2O", source: `${NIST_811} (conventional, 1000 kg/m^3)` },
  { symbols: "inH2O", names: "inch_of_water/inches_of_water", is: "25.4 mmH2O", source: `${NIST_811} (conventional, 1000 kg/m^3)` },
  { symbols: "torr Torr", names: "torr/-", is: "atm/760", source: NIST_811 },
  { symbols: "poise", names: "poise/-", is: "0.1 Pa*s", prefixes: "si", source: CGS },
  { symbols: "stokes", names: "stokes/-", is: "cm^2/s", prefixes: "si", source: CGS },
  { symbols: "Hz", names: "hertz/-", is: "s^-1", prefixes: "si", source: SI_BROCHURE },
  { symbols: "rpm", names: "revolution_per_minute/revolutions_per_minute", is: "min^-1", source: `${ISO_80000_3} (a rotational frequency: 60 rpm = 1 Hz)` },
  { symbols: "rps", names: "revolution_per_second/revolutions_per_second", is: "s^-1", source: `${ISO_80000_3} (a rotational frequency: 1 rps = 1 Hz)` },

  // electricity and magnetism
  { symbols: "C", names: "coulomb", is: "A*s", prefixes: "si", source: SI_BROCHURE },
  { symbols: "Ah", names: "ampere_hour amp_hour", is: "A*h", prefixes: "si", compound: true, source: SI_TABLE_8 },
  { symbols: "V", names: "volt", is: "W/A", prefixes: "si", source: SI_BROCHURE },
  { symbols: "ohm Ω \u2126", names: "ohm", is: "V/A", prefixes: "si", source: SI_BROCHURE },
  { symbols: "F", names: "farad", is: "C/V", prefixes: "si", source: SI_BROCHURE },
  { symbols: "S", names: "siemens/-", is: "A/V", prefixes: "si", source: SI_BROCHURE },
  { symbols: "T", names: "tesla", is: "Wb/m^2", prefixes: "si", source: SI_BROCHURE },
  { symbols: "Wb", names: "weber", is: "V*s", prefixes: "si", source: SI_BROCHURE },
  { symbols: "H", names: "henry/henries", is: "Wb/A", prefixes: "si", source: SI_BROCHURE },
  { symbols: "gauss", names: "gauss/-", is: "1e-4 T", source: CGS },
  { symbols: "Mx", names: "maxwell", is: "1e-8 Wb", source: CGS },
  { symbols: "Oe", names: "oersted", is: "250 / pi A/m", source: `${CGS}: 1 Oe = 1000/(4π) A/m` },
  { symbols: "abA", names: "abampere", is: "10 A", source: CGS },
  { symbols: "abV", names: "abvolt", is: "1e-8 V", source: CGS },
  { symbols: "statV", names: "statvolt", is: "299.792458 V", source: `${CGS} (c = 299792458 m/s exactly)` },
  { symbols: "statC", names: "statcoulomb", is: "1/2997924580 C", source: `${CGS} (c = 299792458 m/s exactly)` },

  // light, radiation, chemistry
  { symbols: "sr", names: "steradian", is: "rad^2", source: SI_TABLE_4 },
  { symbols: "lm", names: "lumen", is: "cd*sr", prefixes: "si", source: SI_TABLE_4 },
  { symbols: "lx", names: "lux/-", is: "lm/m^2", prefixes: "si", source: SI_TABLE_4 },
  { symbols: "fc", names: "footcandle foot_candle", is: "lm/ft^2", source: NIST_811 },
  { symbols: "nit", names: "nit", is: "cd/m^2", source: "IEC 60050-845 (the candela per square metre, called the nit)" },
  { symbols: "Bq", names: "becquerel", is: "s^-1", prefixes: "si", source: SI_TABLE_4 },
  { symbols: "Gy", names: "gray", is: "J/kg", prefixes: "si", source: SI_TABLE_4 },
  { symbols: "Sv", names: "sievert", is: "J/kg", prefixes: "si", source: SI_TABLE_4 },
  { symbols: "Ci", names: "curie", is: "3.7e10 Bq", prefixes: "si", source: NIST_811 },
  { symbols: "rem", names: "rem", is: "Sv/100", prefixes: "si", source: NIST_811 },
  { symbols: "roentgen", names: "roentgen", is: "2.58e-4 C/kg", source: NIST_811 },
  { symbols: "kat", names: "katal", is: "mol/s", prefixes: "si", source: SI_TABLE_4 },
  { symbols: "molar", names: "molar/-", is: "mol/L", prefixes: "si", source: "IUPAC Green Book, 3rd edition (2007): M = mol/dm^3" },
  { symbols: "Jy", names: "jansky", is: "1e-26 W/m^2/Hz", prefixes: "si", source: "IAU (1973): the jansky, 1e-26 W m^-2 Hz^-1" },

  // information
  { symbols: "B", names: "byte", is: "8 bit", prefixes: "bytes", source: IEC_80000_13 },
  { symbols: "octet", names: "octet", is: "8 bit", prefixes: "bytes", source: IEC_80000_13 },
  { symbols: "bps", names: "bit_per_second/bits_per_second", is: "bit/s", prefixes: "bytes", compound: true, source: IEC_80000_13 },

  // angle (a radian is 1; pi stays exact in conversions between the others)
  { symbols: "deg °", names: "degree", is: "pi/180 rad", source: SI_TABLE_8 },
  { symbols: "arcmin", names: "arcminute", is: "deg/60", source: SI_TABLE_8 },
  { symbols: "arcsec", names: "arcsecond", is: "arcmin/60", source: SI_TABLE_8 },
  { symbols: "mas", names: "milliarcsecond", is: "arcsec/1000", source: SI_TABLE_8 },
  { symbols: "turn rev", names: "turn revolution", is: "2 pi rad", source: ISO_80000_3 },
  { symbols: "gon grad", names: "gradian gon", is: "pi/200 rad", source: ISO_80000_3 },

  // ratios: a plain number as soon as they are read (25% is 0.25)
  { symbols: "‰", names: "permille/-", is: "1/1000", source: "ISO 80000-1:2022" },
  { symbols: "ppm", names: "", is: "1/1000000", source: "ISO 80000-1:2022" },
  { symbols: "ppb", names: "", is: "1e-9", source: "ISO 80000-1:2022" },
];

/**
 * Names people write as units that calc has no unit for, and what to write instead: the decibel
 * is the logarithm of a ratio whose reference depends on what is measured (dBm, dBV, dB SPL), so a
 * quantity of dB would add where decibels multiply.
 */
export const NOT_UNITS: Readonly<Record<string, string>> = {
  dB: "the decibel is a logarithmic ratio, not a unit: 10^(x/10) is the power ratio of x dB, 10*log10(r) the decibels of a power ratio r",
  decibel: "the decibel is a logarithmic ratio, not a unit: 10^(x/10) is the power ratio of x dB, 10*log10(r) the decibels of a power ratio r",
};

/** Names that mean different units in different places: an error lists the choices. */
export const AMBIGUOUS: Readonly<Record<string, readonly string[]>> = {
  ton: ["short_ton", "long_ton", "tonne"],
  tons: ["short_ton", "long_ton", "tonne"],
  cwt: ["short_cwt", "long_cwt"],
  hundredweight: ["short_cwt", "long_cwt"],
  hundredweights: ["short_cwt", "long_cwt"],
  // b alone: the barn (its SI symbol) or the bit; after a prefix it is the bit (Mb, Gb)
  b: ["bit", "barn"],
};

/**
 * Names that could be read two ways, a prefix before one unit or another unit's name: the name in
 * the table wins, and each says here what it is not (tests/units-table.test.ts keeps this complete).
 */
export const SHADOWS: Readonly<Record<string, string>> = {
  ft: "femtotonne",
  pt: "picotonne",
  qt: "quectotonne",
  ct: "centitonne",
  PS: "petasiemens",
};

/**
 * Names written in words (phrases.ts in the grammar) whose words are units too, and whose product
 * is another quantity: the name wins, and each says here what it is not (the test keeps this
 * complete; acre ft, watt hour and the like are their product, and are not listed).
 */
export const PHRASE_SHADOWS: Readonly<Record<string, string>> = {
  "fl oz": "femtolitre × ounce",
  "foot pound": "foot × pound (mass)",
  "foot pounds": "foot × pound (mass)",
  "therm EC": "therm × coulomb",
  "degree celsius": "degree × a temperature scale",
  "degrees celsius": "degree × a temperature scale",
  "degree fahrenheit": "degree × a temperature scale",
  "degrees fahrenheit": "degree × a temperature scale",
  "degree rankine": "degree × a temperature scale",
  "degrees rankine": "degree × a temperature scale",
};

/**
 * The named units a result whose unit is a product of two or more (230 V * 10 A) is printed in,
 * when one of them, alone or with a prefix that is a power of 1000, has its dimension and factor:
 * 2300 W. The SI's derived units and the watt-hour, and the ampere, metre and gram (12 V / 4.7 kohm
 * is 2.55319148936 mA, 1 J / 1 N is 1 m). Not the second (1 kJ / 1 W is not 1 ks), not Hz and Bq
 * (1/s stays as written), nor Gy and Sv (J/kg stays); not the hectopascal (only powers of 1000).
 */
export const NAMES_FOR_PRODUCTS = "N J W Pa C V ohm F S Wb T H Wh A m g";

/** The SI prefixes (BIPM SI Brochure, table 7; ronna, ronto, quetta, quecto: 27th CGPM, 2022), as powers of ten. */
export const SI_PREFIXES: readonly (readonly [symbols: string, name: string, exponent: number])[] = [
  ["q", "quecto", -30],
  ["r", "ronto", -27],
  ["y", "yocto", -24],
  ["z", "zepto", -21],
  ["a", "atto", -18],
  ["f", "femto", -15],
  ["p", "pico", -12],
  ["n", "nano", -9],
  ["µ μ u", "micro", -6],
  ["m", "milli", -3],
  ["c", "centi", -2],
  ["d", "deci", -1],
  ["da", "deca", 1],
  ["h", "hecto", 2],
  ["k", "kilo", 3],
  ["M", "mega", 6],
  ["G", "giga", 9],
  ["T", "tera", 12],
  ["P", "peta", 15],
  ["E", "exa", 18],
  ["Z", "zetta", 21],
  ["Y", "yotta", 24],
  ["R", "ronna", 27],
  ["Q", "quetta", 30],
];

/** The binary prefixes of IEC 80000-13, as powers of 1024. */
export const BINARY_PREFIXES: readonly (readonly [symbols: string, name: string, exponent: number])[] = [
  ["Ki", "kibi", 1],
  ["Mi", "mebi", 2],
  ["Gi", "gibi", 3],
  ["Ti", "tebi", 4],
  ["Pi", "pebi", 5],
  ["Ei", "exbi", 6],
  ["Zi", "zebi", 7],
  ["Yi", "yobi", 8],
];
