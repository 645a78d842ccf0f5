// SPDX-License-Identifier: MIT
/*
 * A smoke test of luxon 3.7 on the runtime's Intl (its Duration#toHuman,
 * toRelative, toRelativeCalendar and toLocaleString use NumberFormat's
 * unit style, ListFormat, RelativeTimeFormat and DateTimeFormat). luxon is
 * not a dependency of the tree; to run it:
 *   (cd /tmp/lux && npm install luxon@3.7) && cp contrib/intl/luxon-smoke.mjs /tmp/lux/
 *   node /tmp/lux/luxon-smoke.mjs > /tmp/lux/node.txt
 *   contrib/fcworker-build/fcworker-build /tmp/lux/luxon-smoke.mjs -o /tmp/lux/smoke.js
 *   t/jsrun /tmp/lux/smoke.js | diff /tmp/lux/node.txt -
 */
import { DateTime, Duration, Interval, Info } from 'luxon';
const out = [];
const base = DateTime.fromISO('2024-03-15T13:45:30', { zone: 'UTC', locale: 'en-US' });
out.push(Duration.fromObject({ hours: 2, minutes: 5 }).toHuman());
out.push(Duration.fromObject({ days: 1, hours: 1, seconds: 3 }).toHuman({ unitDisplay: 'short' }));
out.push(Duration.fromObject({ years: 1, months: 2 }).toHuman({ listStyle: 'short' }));
out.push(base.toRelative({ base: base.plus({ days: 3 }) }));
out.push(base.toRelative({ base: base.minus({ hours: 5 }) }));
out.push(base.toRelative({ base: base.plus({ months: 2 }), style: 'short' }));
out.push(base.toRelativeCalendar({ base: base.plus({ days: 1 }) }));
out.push(base.toRelativeCalendar({ base: base.minus({ days: 1 }) }));
out.push(base.toRelativeCalendar({ base: base.plus({ weeks: 1 }), unit: 'weeks' }));
out.push(base.toLocaleString(DateTime.DATETIME_FULL));
out.push(base.toLocaleString(DateTime.DATE_HUGE));
out.push(base.toLocaleString({ weekday: 'short', hour: 'numeric' }));
out.push(base.toFormat('ccc, LLL d yyyy h:mm a ZZZZ'));
out.push(Info.weekdays('short').join(' '));
out.push(Info.months('long').join(' '));
out.push(Interval.fromDateTimes(base, base.plus({ days: 2 })).toDuration().toHuman());
out.push(String(base.plus({ months: 1 }).diff(base, ['months', 'days']).toHuman()));
(typeof print === 'function' ? print : console.log)(JSON.stringify(out, null, 1));
