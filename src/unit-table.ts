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
 *   offset    only the Celsius and Fahrenheit scales: kelvin = (value + offset) × the factor
 *   compound  a product of units that splits into its parts when one of them cancels:
 *             60 mph * 2 h is 120 mi
 *   source    where the definition comes from
 * Every definition is exact (a rational, times a power of pi for angles) as the law makes it.
 */

export interface UnitRow {
  readonly symbols: string;
  readonly names: string;
  readonly is: string;
  readonly prefixes?: "si" | "bytes";
  readonly offset?: string;
  readonly compound?: true;
  readonly source: string;
}

const SI_BROCHURE = "BIPM, The International System of Units (SI), 9th edition, 2019";
const SI_TABLE_8 = `${SI_BROCHURE}, table 8 (non-SI units accepted for use with the SI)`;
const YARD_AND_POUND = "International Yard and Pound Agreement of 1959 (US Federal Register, 1959-07-01): yd = 0.9144 m, lb = 0.45359237 kg";
const NIST_811 = "NIST Special Publication 811 (2008), appendix B.8";
const HANDBOOK_44 = "NIST Handbook 44 (2024), appendix C: US customary units of liquid volume";
const IEC_80000_13 = "IEC 80000-13:2008 (bits, bytes and the binary prefixes)";
const ISO_80000_3 = "ISO 80000-3:2019 (space and time)";

export const UNIT_TABLE: readonly UnitRow[] = [
  // base units of the SI
  { symbols: "m", names: "metre meter", is: "[length]", prefixes: "si", source: SI_BROCHURE },
  { symbols: "g", names: "gram", is: "1/1000 [mass]", prefixes: "si", source: `${SI_BROCHURE} (the kilogram is the base unit)` },
  { symbols: "s sec", names: "second", is: "[time]", prefixes: "si", source: SI_BROCHURE },
  { symbols: "A", names: "ampere amp", is: "[current]", prefixes: "si", source: SI_BROCHURE },
  { symbols: "K", names: "kelvin", is: "[temperature]", prefixes: "si", source: SI_BROCHURE },
  { symbols: "mol", names: "mole", is: "[amount]", prefixes: "si", source: SI_BROCHURE },
  { symbols: "cd", names: "candela", is: "[luminous intensity]", prefixes: "si", source: SI_BROCHURE },
  { symbols: "bit", names: "bit", is: "[information]", prefixes: "bytes", source: IEC_80000_13 },
  { symbols: "rad", names: "radian", is: "[angle]", prefixes: "si", source: `${SI_BROCHURE}, table 4 (rad = 1)` },

  // length
  { symbols: "in", names: "inch/inches", is: "2.54 cm", source: YARD_AND_POUND },
  { symbols: "ft", names: "foot/feet", is: "12 in", source: YARD_AND_POUND },
  { symbols: "yd", names: "yard", is: "3 ft", source: YARD_AND_POUND },
  { symbols: "mi", names: "mile", is: "5280 ft", source: YARD_AND_POUND },
  { symbols: "nmi", names: "nautical_mile", is: "1852 m", source: `International Hydrographic Conference, 1929; ${NIST_811}` },
  { symbols: "au", names: "astronomical_unit", is: "149597870700 m", source: "IAU 2012 Resolution B2" },
  { symbols: "ly", names: "light_year lightyear", is: "299792458 m/s * 365.25 day", source: "IAU: the distance light travels in a Julian year" },
  { symbols: "Å Å", names: "angstrom ångström", is: "1e-10 m", source: NIST_811 },

  // mass
  { symbols: "t", names: "tonne metric_ton", is: "1000 kg", prefixes: "si", source: SI_TABLE_8 },
  { symbols: "lb lbs", names: "pound", is: "0.45359237 kg", source: YARD_AND_POUND },
  { symbols: "oz", names: "ounce", is: "lb/16", source: `${NIST_811} (avoirdupois ounce)` },
  { symbols: "st", names: "stone", is: "14 lb", source: NIST_811 },
  { symbols: "ct", names: "carat", is: "200 mg", source: "4th CGPM, 1907 (the metric carat)" },
  { symbols: "short_ton", names: "short_ton", is: "2000 lb", source: NIST_811 },
  { symbols: "long_ton", names: "long_ton", is: "2240 lb", source: NIST_811 },

  // time
  { symbols: "min", names: "minute", is: "60 s", source: SI_TABLE_8 },
  { symbols: "h hr", names: "hour", is: "60 min", source: SI_TABLE_8 },
  { symbols: "day", names: "day", is: "24 h", source: SI_TABLE_8 },
  { symbols: "week wk", names: "week", is: "7 day", source: ISO_80000_3 },
  { symbols: "year yr", names: "year julian_year", is: "365.25 day", source: "IAU: the Julian year of 365.25 days" },

  // temperature: absolute scales with an offset
  { symbols: "°C degC ℃", names: "celsius/- degree_celsius/degrees_celsius", is: "K", offset: "273.15", source: SI_BROCHURE },
  { symbols: "°F degF ℉", names: "fahrenheit/- degree_fahrenheit/degrees_fahrenheit", is: "5/9 K", offset: "459.67", source: NIST_811 },

  // area and volume
  { symbols: "ha", names: "hectare", is: "10000 m^2", source: SI_TABLE_8 },
  { symbols: "acre", names: "acre", is: "4840 yd^2", source: `${NIST_811} (the international acre)` },
  { symbols: "L l", names: "litre liter", is: "dm^3", prefixes: "si", source: `12th CGPM, 1964; ${SI_TABLE_8}` },
  { symbols: "gal", names: "gallon", is: "231 in^3", source: HANDBOOK_44 },
  { symbols: "qt", names: "quart", is: "gal/4", source: HANDBOOK_44 },
  { symbols: "pt", names: "pint", is: "qt/2", source: HANDBOOK_44 },
  { symbols: "cup", names: "cup", is: "pt/2", source: HANDBOOK_44 },
  { symbols: "floz", names: "fluid_ounce", is: "cup/8", source: HANDBOOK_44 },
  { symbols: "tbsp", names: "tablespoon", is: "floz/2", source: HANDBOOK_44 },
  { symbols: "tsp", names: "teaspoon", is: "tbsp/3", source: HANDBOOK_44 },
  { symbols: "ukgal", names: "imperial_gallon", is: "4.54609 L", source: "UK Weights and Measures Act 1985, schedule 1" },

  // speed
  { symbols: "mph", names: "mile_per_hour/miles_per_hour", is: "mi/h", compound: true, source: YARD_AND_POUND },
  { symbols: "knot kn", names: "knot", is: "nmi/h", compound: true, source: NIST_811 },

  // mechanics
  { symbols: "N", names: "newton", is: "kg*m/s^2", prefixes: "si", source: SI_BROCHURE },
  { symbols: "lbf", names: "pound_force/pounds_force", is: "lb * 9.80665 m/s^2", source: `${NIST_811} (standard gravity, 3rd CGPM, 1901)` },
  { symbols: "J", names: "joule", is: "N*m", prefixes: "si", source: SI_BROCHURE },
  { symbols: "Wh", names: "watt_hour", is: "W*h", prefixes: "si", compound: true, source: SI_TABLE_8 },
  { symbols: "cal", names: "calorie", is: "4.184 J", prefixes: "si", source: `${NIST_811} (the thermochemical calorie)` },
  { symbols: "eV", names: "electronvolt electron_volt", is: "1.602176634e-19 J", prefixes: "si", source: `${SI_TABLE_8} (e = 1.602176634e-19 C exactly)` },
  { symbols: "BTU Btu", names: "british_thermal_unit", is: "1055.05585262 J", source: `${NIST_811} (the International Table BTU)` },
  { symbols: "W", names: "watt", is: "J/s", prefixes: "si", source: SI_BROCHURE },
  { symbols: "hp", names: "horsepower/-", is: "550 ft*lbf/s", source: `${NIST_811} (mechanical horsepower)` },
  { symbols: "Pa", names: "pascal", is: "N/m^2", prefixes: "si", source: SI_BROCHURE },
  { symbols: "bar", names: "bar", is: "100000 Pa", prefixes: "si", source: NIST_811 },
  { symbols: "atm", names: "atmosphere standard_atmosphere", is: "101325 Pa", source: "10th CGPM, 1954 (the standard atmosphere)" },
  { symbols: "psi", names: "pound_per_square_inch/pounds_per_square_inch", is: "lbf/in^2", source: NIST_811 },
  { symbols: "mmHg", names: "millimetre_of_mercury/millimetres_of_mercury", is: "133.322387415 Pa", source: `${NIST_811} (conventional)` },
  { symbols: "torr Torr", names: "torr/-", is: "atm/760", source: NIST_811 },
  { symbols: "Hz", names: "hertz/-", is: "s^-1", prefixes: "si", source: SI_BROCHURE },
  { symbols: "rpm", names: "revolution_per_minute/revolutions_per_minute", is: "min^-1", source: `${ISO_80000_3} (a rotational frequency: 60 rpm = 1 Hz)` },

  // electricity and magnetism
  { symbols: "C", names: "coulomb", is: "A*s", prefixes: "si", source: SI_BROCHURE },
  { symbols: "V", names: "volt", is: "W/A", prefixes: "si", source: SI_BROCHURE },
  { symbols: "ohm Ω Ω", names: "ohm", is: "V/A", prefixes: "si", source: SI_BROCHURE },
  { symbols: "F", names: "farad", is: "C/V", prefixes: "si", source: SI_BROCHURE },
  { symbols: "S", names: "siemens/-", is: "A/V", prefixes: "si", source: SI_BROCHURE },
  { symbols: "T", names: "tesla", is: "Wb/m^2", prefixes: "si", source: SI_BROCHURE },
  { symbols: "Wb", names: "weber", is: "V*s", prefixes: "si", source: SI_BROCHURE },
  { symbols: "H", names: "henry/henries", is: "Wb/A", prefixes: "si", source: SI_BROCHURE },

  // information
  { symbols: "B", names: "byte", is: "8 bit", prefixes: "bytes", source: IEC_80000_13 },

  // angle (a radian is 1; pi stays exact in conversions between the others)
  { symbols: "deg °", names: "degree", is: "pi/180 rad", source: SI_TABLE_8 },
  { symbols: "arcmin", names: "arcminute", is: "deg/60", source: SI_TABLE_8 },
  { symbols: "arcsec", names: "arcsecond", is: "arcmin/60", source: SI_TABLE_8 },
  { symbols: "turn", names: "turn revolution", is: "2 pi rad", source: ISO_80000_3 },

  // ratios: a plain number as soon as they are read (25% is 0.25)
  { symbols: "‰", names: "permille/-", is: "1/1000", source: "ISO 80000-1:2022" },
  { symbols: "ppm", names: "", is: "1/1000000", source: "ISO 80000-1:2022" },
];

/** Names that mean different units in different places: an error lists the choices. */
export const AMBIGUOUS: Readonly<Record<string, readonly string[]>> = {
  ton: ["short_ton", "long_ton", "tonne"],
  tons: ["short_ton", "long_ton", "tonne"],
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
