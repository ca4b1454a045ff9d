"""The oracle for calc's dates, clock times and time zones (tests/oracles/dates.test.ts): Python's
datetime and zoneinfo (the system's IANA data, or the tzdata package). One JSON case per line in,
one JSON answer per line out: {"value": text} as calc writes it, or {"error": "gap" | "fold"} for a
wall-clock time a zone skips or passes twice (calc refuses those literals).

How calc writes values (docs/language.md, "Dates and times"): ISO 8601 dates 2027-03-04, clock
times 18:00:00, date-times 2026-12-04T15:24:00, instants 2026-12-04T11:30:00Z, zoned values in
RFC 9557 form 2025-01-15T09:30:00+01:00[Europe/Berlin] (the offset to the minute), durations
between dates in days (28 day), others in seconds (31500 s). Months and years added to a date
clamp to the month's end.
"""
import calendar
import json
import sys
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

UTC = timezone.utc


def offset_text(offset: timedelta) -> str:
    minutes = round(offset.total_seconds() / 60)
    sign = "-" if minutes < 0 else "+"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def zoned_text(moment: datetime, zone: str) -> str:
    # (through UTC: astimezone to a datetime's own zone would keep a wall time the zone skips)
    local = moment.astimezone(UTC).astimezone(ZoneInfo(zone))
    return f"{local.replace(tzinfo=None).isoformat()}{offset_text(local.utcoffset())}[{zone}]"


def instant_text(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat() + "Z"


def wall(text: str) -> datetime:
    return datetime.fromisoformat(text)


def localize(text: str, zone: str, strict: bool) -> datetime:
    """A wall-clock time in a zone; strict: a skipped or doubled time is an error (calc's literals)."""
    naive = wall(text)
    tz = ZoneInfo(zone)
    first = naive.replace(tzinfo=tz, fold=0)
    second = naive.replace(tzinfo=tz, fold=1)
    if strict and first.utcoffset() != second.utcoffset():
        # a time that converts to UTC and back to itself exists (twice: a fold); else the clocks skip it
        exists = first.astimezone(UTC).astimezone(tz).replace(tzinfo=None) == naive
        raise LookupError("fold" if exists else "gap")
    # fold=0: the earlier of two readings, and in a gap the offset before it (the later wall time),
    # which is Temporal's "compatible"
    return first


def add_months(d: date, months: int) -> date:
    index = d.year * 12 + (d.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def seconds_text(seconds: int) -> str:
    return f"{seconds} s"


def clock_text(seconds: int) -> str:
    seconds %= 86400
    return time(seconds // 3600, seconds // 60 % 60, seconds % 60).isoformat()


def answer(case: dict) -> dict:
    op = case["op"]
    if op == "add_days":
        return {"value": (date.fromisoformat(case["date"]) + timedelta(days=case["n"])).isoformat()}
    if op == "add_months":
        return {"value": add_months(date.fromisoformat(case["date"]), case["n"]).isoformat()}
    if op == "diff_dates":
        return {"value": f"{(date.fromisoformat(case['a']) - date.fromisoformat(case['b'])).days} day"}
    if op == "weekday":
        return {"value": date.fromisoformat(case["date"]).strftime("%A")}
    if op == "compare_dates":
        a, b = date.fromisoformat(case["a"]), date.fromisoformat(case["b"])
        return {"value": "true" if {"<": a < b, ">": a > b, "==": a == b, "!=": a != b, "<=": a <= b, ">=": a >= b}[case["cmp"]] else "false"}
    if op == "instant_to_zone":
        moment = datetime.fromtimestamp(case["epoch"], UTC)
        # `to UTC` is the instant itself, written with Z
        return {"value": instant_text(moment) if case["zone"] == "UTC" else zoned_text(moment, case["zone"])}
    if op == "from_unixtime":
        return {"value": instant_text(datetime.fromtimestamp(case["epoch"], UTC))}
    try:
        if op == "zoned_add_seconds":
            start = localize(case["wall"], case["zone"], True)
            return {"value": zoned_text(start.astimezone(UTC) + timedelta(seconds=case["seconds"]), case["zone"])}
        if op == "zoned_add_days":
            start = localize(case["wall"], case["zone"], True)
            moved = start.replace(tzinfo=None) + timedelta(days=case["days"])
            return {"value": zoned_text(localize(moved.isoformat(), case["zone"], False), case["zone"])}
        if op == "zoned_diff":
            a = localize(case["a"], case["zoneA"], True)
            b = localize(case["b"], case["zoneB"], True)
            return {"value": seconds_text(int((a.astimezone(UTC) - b.astimezone(UTC)).total_seconds()))}
        if op == "zoned_unixtime":
            return {"value": str(int(localize(case["wall"], case["zone"], True).timestamp()))}
        if op == "zoned_to_utc":
            return {"value": instant_text(localize(case["wall"], case["zone"], True))}
    except LookupError as e:
        return {"error": str(e)}
    if op == "time_add":
        t = time.fromisoformat(case["time"])
        return {"value": clock_text(t.hour * 3600 + t.minute * 60 + t.second + case["seconds"])}
    if op == "time_diff":
        a, b = time.fromisoformat(case["a"]), time.fromisoformat(case["b"])
        secs = lambda t: t.hour * 3600 + t.minute * 60 + t.second
        return {"value": seconds_text(secs(a) - secs(b))}
    if op == "datetime_add":
        return {"value": (wall(case["dt"]) + timedelta(seconds=case["seconds"])).isoformat()}
    raise ValueError(f"unknown case {op}")


for line in sys.stdin:
    try:
        print(json.dumps(answer(json.loads(line))), flush=True)
    except Exception as e:  # the test fails with what went wrong, never waits
        print(json.dumps({"oracle_failed": repr(e)}), flush=True)
