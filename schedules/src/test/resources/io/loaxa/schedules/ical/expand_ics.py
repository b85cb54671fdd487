"""Reads an iCalendar file with python3-icalendar and expands its events with dateutil's RFC 5545 rules.

Usage: expand_ics.py FILE.ics FIRST_DAY END_DAY   (ISO dates, END_DAY excluded)
Prints one line per instance, sorted: LOCAL-START<TAB>SUMMARY, local to the event's own time zone.
"""
import sys
from datetime import datetime, time

from dateutil.rrule import rruleset, rrulestr
from dateutil.tz import gettz, resolve_imaginary
from icalendar import Calendar


def wall(dt, zone):
    """The same wall time in dateutil's zone, whose offset follows the date (pytz's stays fixed)."""
    return dt.replace(tzinfo=None).replace(tzinfo=zone)


def main():
    path, first, end = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(path, 'rb') as f:
        cal = Calendar.from_ical(f.read())
    lines = []
    for event in cal.walk('VEVENT'):
        zone = gettz(str(event['DTSTART'].params['TZID']))
        start = wall(event.decoded('DTSTART'), zone)
        lo = datetime.combine(datetime.fromisoformat(first).date(), time(0, 0), tzinfo=zone)
        hi = datetime.combine(datetime.fromisoformat(end).date(), time(0, 0), tzinfo=zone)
        instances = rruleset()
        if 'RRULE' in event:
            instances.rrule(rrulestr(event['RRULE'].to_ical().decode(), dtstart=start))
        else:
            instances.rdate(start)
        rdates = event.get('RDATE')
        if rdates is not None:
            for group in (rdates if isinstance(rdates, list) else [rdates]):
                for d in group.dts:
                    instances.rdate(wall(d.dt, zone))
        exdates = event.get('EXDATE')
        if exdates is not None:
            for group in (exdates if isinstance(exdates, list) else [exdates]):
                for d in group.dts:
                    instances.exdate(wall(d.dt, zone))
        for dt in instances.between(lo, hi, inc=True):
            if dt < hi:
                # RFC 5545 3.3.5: a local time that a daylight-saving jump skips means the same time after the jump
                lines.append(resolve_imaginary(dt).strftime('%Y-%m-%dT%H:%M') + '\t' + str(event['SUMMARY']))
    for line in sorted(lines):
        print(line)


if __name__ == '__main__':
    main()
