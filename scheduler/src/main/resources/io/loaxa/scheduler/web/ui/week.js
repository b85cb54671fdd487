// The week's programme (lịch phát): the planned airings of a week as a grid of days and hours on a
// wide screen, a list of days on a phone; a tap opens the airing, and an operator edits its rule's
// time, hamlets and days through the schedule API, against the version the page read; adds weekly,
// monthly CCHC and one-off entries, deletes them, moves or skips one day of a rule, and shows this
// month's CCHC airing. After every change the page plans the week again from the station.
import { addWords, api, canOperate, el, header, lang, onLanguage, session, t, translate } from '/ui/common.js';

addWords({
  'wk.heading': ['Lịch phát trong tuần', 'The week\'s programme'],
  'wk.prev': ['‹ Tuần trước', '‹ Previous week'],
  'wk.this': ['Tuần này', 'This week'],
  'wk.next': ['Tuần sau ›', 'Next week ›'],
  'wk.zone': ['Xem theo ấp', 'Show for'],
  'wk.group': ['Cụm {n}', 'Group {n}'],
  'wk.count': ['{n} lượt phát', '{n} airings'],
  'wk.none': ['Không có lượt phát nào.', 'Nothing planned.'],
  'wk.hour': ['Giờ', 'Hour'],
  'wk.prio.NORMAL': ['Thông thường', 'Normal'],
  'wk.prio.PRIORITY': ['Ưu tiên', 'Priority'],
  'wk.prio.EMERGENCY': ['Khẩn cấp', 'Emergency'],
  'wk.when': ['Giờ phát', 'When'],
  'wk.where': ['Phát tới', 'To'],
  'wk.priority': ['Mức ưu tiên', 'Priority'],
  'wk.rule': ['Lượt phát trong lịch', 'Schedule entry'],
  'wk.readonly': ['Tài khoản của bạn chỉ xem được lịch phát, không sửa được.', 'Your account can see the programme but not change it.'],
  'wk.fixed': ['Lượt này do lịch tự thêm (phát bù); sửa lượt gốc của nó.', 'The schedule added this one itself (a make-up); edit the entry it makes up for.'],
  'wk.at': ['Giờ (HH:MM, nhiều giờ cách nhau bằng dấu phẩy)', 'Time (HH:MM; several separated by commas)'],
  'wk.zones': ['Phát tới các ấp', 'To the hamlets'],
  'wk.days': ['Các ngày trong tuần', 'Days of the week'],
  'wk.save': ['Lưu thay đổi', 'Save the change'],
  'wk.reload': ['Tải lại lịch', 'Reload the programme'],
  'wk.close': ['Đóng', 'Close'],
  'wk.saved': ['Đã lưu {n}; lịch tuần đã được lập lại.', 'Saved {n}; the week is planned again.'],
  'wk.conflict': ['Người khác vừa sửa lịch phát này. Bấm "Tải lại lịch" để xem bản mới rồi sửa lại — chưa có gì thay đổi.',
    'Someone else changed this programme meanwhile. Press "Reload the programme" to see the new one and edit again — nothing was changed.'],
  'wk.needAt': ['Viết giờ dạng HH:MM từ 00:00 đến 23:59, ví dụ 05:30.', 'Write the time as HH:MM from 00:00 to 23:59, e.g. 05:30.'],
  'wk.needZones': ['Chọn ít nhất một ấp, hoặc tất cả.', 'Choose at least one hamlet, or all.'],
  'wk.needDays': ['Chọn ít nhất một ngày.', 'Choose at least one day.'],
  'wk.unreachable': ['Không kết nối được với đài.', 'Cannot reach the station.'],
  'wk.failed': ['Đài không nhận (mã {n}).', 'The station refused it (code {n}).'],
  'wk.add': ['Thêm lịch', 'Add to the programme'],
  'wk.addTitle': ['Thêm lịch phát', 'Add to the programme'],
  'wk.kind': ['Loại lịch', 'Kind'],
  'wk.kindWeekly': ['Hằng tuần', 'Every week'],
  'wk.kindMonthly': ['Hằng tháng (chuyên mục CCHC)', 'Every month (the CCHC segment)'],
  'wk.kindOnce': ['Một lần', 'Once'],
  'wk.programme': ['Chương trình', 'Programme'],
  'wk.key': ['Mã lượt phát (chữ thường không dấu, số, dấu -)', 'Entry key (lower-case letters, digits, -)'],
  'wk.on': ['Ngày phát', 'Day'],
  'wk.monthly': ['Ngày phát trong tháng', 'Day of the month'],
  'wk.which': ['Tuần', 'Week'],
  'wk.weekday': ['Thứ', 'Weekday'],
  'wk.nth.first': ['Tuần đầu', 'First'],
  'wk.nth.second': ['Tuần thứ hai', 'Second'],
  'wk.nth.third': ['Tuần thứ ba', 'Third'],
  'wk.nth.fourth': ['Tuần thứ tư', 'Fourth'],
  'wk.nth.last': ['Tuần cuối', 'Last'],
  'wk.topics': ['Chủ đề CCHC, mỗi tháng một chủ đề theo lượt (cách nhau bằng dấu phẩy)',
    'CCHC topics, one a month in turn (separated by commas)'],
  'wk.addSave': ['Thêm vào lịch', 'Add it'],
  'wk.added': ['Đã thêm {n}; lịch tuần đã được lập lại.', 'Added {n}; the week is planned again.'],
  'wk.deleted': ['Đã xóa {n}; lịch tuần đã được lập lại.', 'Deleted {n}; the week is planned again.'],
  'wk.dayDone': ['Đã đổi ngày {d} của {n}; lịch tuần đã được lập lại.', 'Changed {d} of {n}; the week is planned again.'],
  'wk.needKey': ['Mã chỉ gồm chữ thường không dấu, số, dấu - _ . (ví dụ hop-dan-thon), hoặc để trống.',
    'Use lower-case letters, digits, - _ . only (e.g. hop-dan-thon), or leave it empty.'],
  'wk.needProgramme': ['Chọn một chương trình.', 'Choose a programme.'],
  'wk.needOn': ['Chọn ngày phát.', 'Choose the day.'],
  'wk.needTopics': ['Viết ít nhất hai chủ đề, cách nhau bằng dấu phẩy, không có dấu /.',
    'Write two topics or more, separated by commas, without "/".'],
  'wk.cchcAll': ['Chuyên mục CCHC hằng tháng phát tới tất cả các ấp.', 'The monthly CCHC segment airs to every hamlet.'],
  'wk.delete': ['Xóa khỏi lịch', 'Delete from the programme'],
  'wk.deleteAsk': ['Xóa hẳn "{n}" khỏi lịch? Mọi lượt phát của nó sẽ không còn.',
    'Delete "{n}" from the programme? None of its airings will remain.'],
  'wk.deleteYes': ['Xóa hẳn', 'Delete it'],
  'wk.deleteNo': ['Không xóa', 'Keep it'],
  'wk.dayOnly': ['Chỉ riêng ngày', 'Only on'],
  'wk.dayAt': ['Dời ngày này sang giờ (HH:MM)', 'Move this day to (HH:MM)'],
  'wk.dayMove': ['Dời ngày này', 'Move this day'],
  'wk.daySkip': ['Không phát ngày này', 'Skip this day'],
  'wk.dayUndo': ['Trả ngày này về như lịch', 'Undo the change of this day'],
  'wk.dayMoved': ['Ngày này đã được đổi so với lịch.', 'This day differs from the rule.'],
  'wk.skipped': ['Ngày đã bỏ:', 'Days skipped:'],
  'wk.unskip': ['Phát lại ngày {d}', 'Air on {d} again'],
  'wk.kindOf.weekly': ['Lịch hằng tuần', 'Weekly entry'],
  'wk.kindOf.monthly': ['Lịch hằng tháng', 'Monthly entry'],
  'wk.kindOf.once': ['Phát một lần', 'One-off'],
  'wk.kindOf.other': ['Lịch lặp lại', 'Recurring entry'],
  'wk.warnings': ['Đã lưu, nhưng lịch có điều cần xem lại (chính sách giờ phát, ngày lễ…):',
    'Saved, but the programme has something to look at (airtime policy, holidays…):'],
  'wk.conflictWith': ['Trùng giờ với lượt đang tô đỏ trong lịch.', 'Overlaps the airings outlined in red in the grid.'],
  'cchc.title': ['Chuyên mục CCHC tháng {m}', 'CCHC segment, {m}'],
  'cchc.none': ['Lịch chưa có chuyên mục CCHC hằng tháng (lượt phát có xoay chủ đề).',
    'The programme has no monthly CCHC entry (one that rotates topics).'],
  'cchc.aired': ['Tháng này đã phát.', 'Aired this month.'],
  'cchc.notAired': ['Tháng này chưa phát.', 'Not aired yet this month.'],
  'cchc.planned': ['Lịch tháng này:', 'Planned this month:'],
  'cchc.reached': ['Đã tới các ấp:', 'Reached:'],
  'cchc.notReached': ['Chưa tới các ấp:', 'Not reached:'],
  'cchc.makeUp': ['Phát bù:', 'Make-up:'],
  'cchc.makeUpNeeded': ['Lượt tháng này bị lỡ; đài sẽ xếp phát bù:', 'This month\'s airing was missed; the station arranges a make-up:'],
  'cchc.topic': ['chủ đề {t}', 'topic {t}'],
  'cchc.nothing': ['(không có)', '(none)'],
});

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const DAY_NAMES = {
  vi: ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ Nhật'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};
const SHORT = { vi: ['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN'], en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] };

const $ = (id) => document.getElementById(id);
let me = null;
let station = null;
let monday = null;
let airings = [];
let version = '';
let open = null; // {airing, rule, opener}
let zonesTouched = false;
let programmes = [];
let conflicting = new Set(); // rule keys a refused change overlapped
const NTH = ['first', 'second', 'third', 'fourth', 'last'];
const KEY = /^[a-z0-9][a-z0-9._-]*$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A station-local date as YYYY-MM-DD, from a Date at noon UTC (no daylight saving in the way). */
const iso = (d) => d.toISOString().slice(0, 10);
const day = (text) => new Date(text + 'T12:00:00Z');
const plus = (text, n) => { const d = day(text); d.setUTCDate(d.getUTCDate() + n); return iso(d); };

function stationToday() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: station.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date());
}

function mondayOf(text) {
  const d = day(text);
  return plus(text, -((d.getUTCDay() + 6) % 7));
}

const dm = (text) => text.slice(8, 10) + '/' + text.slice(5, 7);
const names = () => DAY_NAMES[lang()];

function zoneName(key) {
  const z = station.zones.find((x) => x.key === key);
  return z ? z.name : key;
}

function zonesText(zones) {
  return zones === 'all' ? t('zones.all') : zones.split(',').map(zoneName).join(', ');
}

/** The hamlets the filter asks for: null for every airing. */
function wanted() {
  const v = $('wk-zone').value;
  if (!v) return null;
  if (v.startsWith('group:')) {
    const g = station.groups.find((x) => 'group:' + x.key === v);
    return g ? g.zones : [];
  }
  return [v.slice('zone:'.length)];
}

function shown() {
  const want = wanted();
  if (!want) return airings;
  return airings.filter((a) => a.zones === 'all' || a.zones.split(',').some((z) => want.includes(z)));
}

function airingButton(a, compact) {
  const b = el('button', {
    type: 'button', class: 'airing prio-' + a.priority + (compact ? ' compact' : '') + (conflicting.has(a.rule) ? ' conflict' : ''),
    'data-key': a.key, 'data-rule': a.rule, 'data-priority': a.priority, 'data-day': a.date, 'data-time': a.time,
    'data-zones': a.zones,
  }, el('span', { class: 'when' }, a.time), ' ', el('b', {}, a.title || a.programme),
  compact ? '' : el('span', { class: 'zones' }, zonesText(a.zones)));
  b.title = a.time + ' ' + (a.title || a.programme) + ' — ' + zonesText(a.zones);
  b.addEventListener('click', () => openAiring(a, b));
  return b;
}

function draw() {
  const list = shown();
  const dates = DAYS.map((_, i) => plus(monday, i));
  $('wk-label').textContent = dm(dates[0]) + ' – ' + dm(dates[6]) + '/' + dates[6].slice(0, 4);
  $('wk-count').textContent = t('wk.count', { n: list.length });
  // the grid: a row per hour from the first airing's to the last one's
  const hours = list.map((a) => Number(a.time.slice(0, 2)));
  const first = hours.length ? Math.min(...hours) : 5;
  const last = hours.length ? Math.max(...hours) : 21;
  const cells = [el('div', { class: 'head', role: 'columnheader' }, t('wk.hour'))];
  dates.forEach((d, i) => cells.push(el('div', { class: 'head', role: 'columnheader', 'data-day': d },
    SHORT[lang()][i] + ' ' + dm(d))));
  for (let h = first; h <= last; h++) {
    cells.push(el('div', { class: 'hour', role: 'rowheader' }, String(h).padStart(2, '0') + ':00'));
    dates.forEach((d) => {
      const here = list.filter((a) => a.date === d && Number(a.time.slice(0, 2)) === h);
      const cell = el('div', { class: 'cell', role: 'gridcell', 'data-day': d, 'data-hour': String(h) },
        ...here.map((a) => airingButton(a, true)));
      // a click on the cell itself (not on an airing) starts a one-off there; the keyboard has "Thêm lịch"
      cell.addEventListener('click', (e) => {
        if (e.target === cell && canOperate(me)) openAdder('once', d, String(h).padStart(2, '0') + ':00');
      });
      cells.push(cell);
    });
  }
  $('grid').replaceChildren(...cells);
  // the phone's list: one day after the other
  $('days').replaceChildren(...dates.map((d, i) => {
    const here = list.filter((a) => a.date === d);
    return el('section', { class: 'day', 'data-day': d },
      el('h3', {}, names()[i] + ' ' + dm(d)),
      here.length ? el('ul', { class: 'plain' }, ...here.map((a) => el('li', {}, airingButton(a, false))))
        : el('p', { class: 'muted' }, t('wk.none')));
  }));
}

async function loadWeek() {
  $('page-error').textContent = '';
  const [s, p, c] = await Promise.all([api('GET', '/api/schedule'),
    api('GET', '/api/schedule/preview?from=' + monday + '&to=' + plus(monday, 6)), api('GET', '/api/schedule/cchc')]);
  if (!s.ok || !p.ok) {
    const bad = !s.ok ? s : p;
    $('page-error').textContent = bad.status === 0 ? t('wk.unreachable') : (bad.data ? bad.data.error : t('wk.failed', { n: bad.status }));
    return;
  }
  version = s.data.version;
  airings = p.data.map((a) => ({
    ...a, date: a.startsAt.slice(0, 10), time: a.startsAt.slice(11, 16), rule: a.key.slice(0, a.key.lastIndexOf('@')),
  })).sort((x, y) => (x.startsAt < y.startsAt ? -1 : 1));
  $('week-card').hidden = false;
  $('wk-tools').hidden = !canOperate(me);
  draw();
  if (c.ok) drawCchc(c.data);
}

// ---- this month's CCHC ---------------------------------------------------------------------------

let cchc = null;

const dayTime = (offsetText) => dm(offsetText.slice(0, 10)) + ' ' + offsetText.slice(11, 16);

function drawCchc(data) {
  cchc = data;
  $('cchc-title').textContent = t('cchc.title', { m: data.month.slice(5, 7) + '/' + data.month.slice(0, 4) });
  const zoneList = (keys) => (keys.length ? keys.map(zoneName).join(', ') : t('cchc.nothing'));
  const items = data.rules.map((r) => {
    const planned = r.planned.map((a) => dayTime(a.startsAt) + (a.topic ? ' (' + t('cchc.topic', { t: a.topic }) + ')' : ''));
    const parts = [
      el('h3', {}, r.title || r.programme, ' ', el('span', { class: 'muted' }, r.rule)),
      el('p', { class: 'cchc-status ' + (r.aired ? 'ok' : 'problem'), 'data-aired': String(r.aired) },
        t(r.aired ? 'cchc.aired' : 'cchc.notAired')),
      el('p', {}, t('cchc.planned'), ' ', planned.length ? planned.join(', ') : t('cchc.nothing')),
      el('p', { class: 'cchc-reached' }, t('cchc.reached'), ' ', zoneList(r.reached)),
    ];
    if (r.aired && r.notReached.length) {
      parts.push(el('p', { class: 'cchc-not-reached problem' }, t('cchc.notReached'), ' ', zoneList(r.notReached)));
    }
    if (r.makeUps.length) {
      parts.push(el('p', { class: 'cchc-makeup' }, t('cchc.makeUp'), ' ', r.makeUps.map((a) => dayTime(a.startsAt)).join(', ')));
    } else if (r.makeUpNeeded) {
      parts.push(el('p', { class: 'cchc-makeup problem' }, t('cchc.makeUpNeeded'), ' ', el('span', { lang: 'en' }, r.makeUpNeeded)));
    }
    return el('section', { class: 'cchc-rule', 'data-rule': r.rule }, ...parts);
  });
  $('cchc-list').replaceChildren(...(items.length ? items : [el('p', { class: 'muted' }, t('cchc.none'))]));
  $('cchc-card').hidden = false;
}

// ---- one airing ----------------------------------------------------------------------------------

function checkbox(id, label, checked, data = {}) {
  const input = el('input', { type: 'checkbox', id, ...data });
  input.checked = checked;
  return el('label', { class: 'choice', for: id }, input, ' ', el('span', {}, label));
}

function ruleZones(rule) {
  const z = rule.zones;
  if (z === 'all') return 'all';
  if (Array.isArray(z)) return z;
  const g = station.groups.find((x) => x.key === z);
  return g ? g.zones : String(z).split(',').map((s) => s.trim());
}

function ruleDays(rule) {
  if (Array.isArray(rule.days)) return rule.days.map(String);
  if (typeof rule.days === 'string') return rule.days.split(',').map((s) => s.trim());
  return [];
}

/** Whether the rule recurs on days of the week (or is a one-off, which has none). */
const weekly = (rule) => !['every', 'monthly', 'lunar', 'on'].some((k) => rule[k] !== undefined);

function fillForm(rule) {
  const at = Array.isArray(rule.at) ? rule.at.join(', ') : String(rule.at || '');
  $('edit-at').value = at;
  const zones = ruleZones(rule);
  $('edit-zone-all').checked = zones === 'all';
  $('edit-groups').replaceChildren(...station.groups.map((g) => checkbox('edit-group-' + g.key, t('wk.group', { n: g.key }),
    zones !== 'all' && g.zones.every((z) => zones.includes(z)), { 'data-group': g.key })));
  $('edit-zone-list').replaceChildren(...station.zones.map((z) => checkbox('edit-zone-' + z.key, z.name,
    zones === 'all' || zones.includes(z.key), { 'data-zone': z.key })));
  $('edit-groups').querySelectorAll('input').forEach((g) => g.addEventListener('change', () => {
    zonesTouched = true;
    const members = station.groups.find((x) => x.key === g.dataset.group).zones;
    members.forEach((z) => { const c = $('edit-zone-' + z); if (c) c.checked = g.checked; });
    $('edit-zone-all').checked = false;
  }));
  $('edit-zone-list').querySelectorAll('input').forEach((c) => c.addEventListener('change', () => {
    zonesTouched = true;
    if (!c.checked) $('edit-zone-all').checked = false;
  }));
  $('edit-days').hidden = !weekly(rule) || rule.days === undefined;
  const days = ruleDays(rule);
  $('edit-day-list').replaceChildren(...DAYS.map((d, i) => checkbox('edit-day-' + d, names()[i], days.includes(d), { 'data-day': d })));
  zonesTouched = false;
}

function clearErrors() {
  ['edit-at', 'edit-zones', 'edit-days', 'edit', 'day-at', 'day', 'delete'].forEach((f) => { $(f + '-error').textContent = ''; });
  $('edit-reload').hidden = true;
}

const kindOf = (rule) => (rule.on !== undefined ? 'once' : rule.monthly !== undefined ? 'monthly'
  : weekly(rule) ? 'weekly' : 'other');

/** The field of the form a problem's field path names: "airings.sang.at" and "at" are both "at". */
function fieldOf(path) {
  if (!path) return '';
  const parts = String(path).split('.');
  return parts[0] === 'airings' ? (parts[2] || '') : parts[0];
}

/**
 * Shows why the station refused a change: a stale version plainly, with a reload button; every
 * problem next to the field it names (or under the form); the airings an overlap is with outlined
 * in the grid. {@code fields} maps a field of the schedule to the id prefix of its error line.
 */
function refused(r, prefix, fields) {
  if (r.status === 409 && r.data && r.data.field === 'version') {
    $(prefix + '-error').textContent = t('wk.conflict');
    const reload = $(prefix + '-reload');
    if (reload) { reload.hidden = false; reload.focus(); }
    return;
  }
  if (r.status === 0 || !r.data) {
    $(prefix + '-error').textContent = r.status === 0 ? t('wk.unreachable') : t('wk.failed', { n: r.status });
    return;
  }
  const problems = r.data.problems && r.data.problems.length ? r.data.problems.filter((p) => !p.warning) : [r.data];
  const overlaps = new Set();
  let first = null;
  for (const p of problems) {
    const at = fields[fieldOf(p.field)] || prefix;
    const line = $(at + '-error');
    line.textContent = (line.textContent ? line.textContent + ' ' : '') + p.error;
    first = first || at;
    // the station names the airings a problem overlaps; the message itself is for people, in either language
    if (p.overlaps && p.overlaps.length) {
      p.overlaps.forEach((key) => overlaps.add(key));
      const own = String(p.field || '').split('.')[1];
      if (own) overlaps.add(own);
    }
  }
  if (overlaps.size) {
    conflicting = overlaps;
    const general = $(prefix + '-error');
    general.textContent = (general.textContent ? general.textContent + ' ' : '') + t('wk.conflictWith');
    draw();
  }
  const target = first && first !== prefix && document.getElementById(first);
  if (target && target.focus) target.focus();
}

/** Shows the warnings a stored change came back with (airtime policy, holidays), or hides the list. */
function warn(r) {
  const list = (r.data && r.data.warnings) || [];
  $('warning-list').replaceChildren(...list.map((w) => el('li', {}, w.error)));
  $('warnings').hidden = !list.length;
}

/** A change the station stored: the new version, the notice, the week planned again. */
async function changed(r, notice) {
  version = r.data.version;
  conflicting = new Set();
  $('done').textContent = notice;
  $('done').hidden = false;
  warn(r);
  await loadWeek();
}

const ifMatch = () => ({ 'If-Match': '"' + version + '"' });

async function openAiring(a, opener) {
  open = { airing: a, rule: null, opener };
  clearErrors();
  $('edit-title').textContent = a.title || a.programme;
  $('edit-when').textContent = names()[(day(a.date).getUTCDay() + 6) % 7] + ' ' + dm(a.date) + ' ' + a.time;
  $('edit-where').textContent = zonesText(a.zones);
  $('edit-priority').textContent = t('wk.prio.' + a.priority);
  $('edit-rule').textContent = a.rule;
  $('edit-readonly').hidden = canOperate(me);
  $('edit-fixed').hidden = true;
  $('edit-form').hidden = true;
  $('edit-day').hidden = true;
  $('edit-remove').hidden = true;
  $('delete-confirm').hidden = true;
  $('view-actions').hidden = false;
  $('editor').hidden = false;
  if (canOperate(me)) {
    const r = await api('GET', '/api/schedule/rules/' + encodeURIComponent(a.rule));
    if (r.ok) {
      open.rule = r.data;
      fillForm(r.data);
      const kind = kindOf(r.data);
      $('edit-kind').textContent = t('wk.kindOf.' + kind) + (r.data.monthly ? ' · ' + r.data.monthly : '')
        + (r.data.on ? ' · ' + dm(String(r.data.on)) : '')
        + (Array.isArray(r.data.topics) && r.data.topics.length ? ' · ' + r.data.topics.join(', ') : '');
      fillDay(r.data, a);
      $('edit-form').hidden = false;
      $('edit-remove').hidden = false;
      $('view-actions').hidden = true;
      $('edit-at').focus();
      return;
    }
    $('edit-fixed').hidden = r.status !== 404;
  }
  $('editor').focus();
}

function closeEditor() {
  $('editor').hidden = true;
  const back = open && open.opener && document.querySelector('button.airing[data-key="' + open.airing.key + '"]');
  open = null;
  if (back && back.getClientRects().length) back.focus();
}

function written() {
  const rule = { ...open.rule };
  const times = $('edit-at').value.split(',').map((s) => s.trim()).filter((s) => s);
  if (!times.length || !times.every((s) => /^([01]\d|2[0-3]):[0-5]\d$/.test(s))) {
    $('edit-at-error').textContent = t('wk.needAt');
    return null;
  }
  rule.at = times.length === 1 ? times[0] : times;
  if ($('edit-zone-all').checked) {
    rule.zones = 'all';
  } else if (zonesTouched || Array.isArray(open.rule.zones) || open.rule.zones === 'all') {
    const picked = station.zones.map((z) => z.key).filter((k) => $('edit-zone-' + k).checked);
    if (!picked.length) {
      $('edit-zones-error').textContent = t('wk.needZones');
      return null;
    }
    rule.zones = picked.length === station.zones.length ? 'all' : picked;
  }
  if (!$('edit-days').hidden) {
    const days = DAYS.filter((d) => $('edit-day-' + d).checked);
    if (!days.length) {
      $('edit-days-error').textContent = t('wk.needDays');
      return null;
    }
    rule.days = days;
  }
  return rule;
}

async function save(e) {
  e.preventDefault();
  clearErrors();
  const rule = written();
  if (!rule) return;
  const key = open.airing.rule;
  const r = await api('PUT', '/api/schedule/rules/' + encodeURIComponent(key), rule, ifMatch());
  if (!r.ok) {
    refused(r, 'edit', { at: 'edit-at', zones: 'edit-zones', days: 'edit-days' });
    return;
  }
  open = null;
  $('editor').hidden = true;
  await changed(r, t('wk.saved', { n: key }));
}

// ---- one day of a rule, and deleting it ----------------------------------------------------------

const exceptOf = (rule) => (Array.isArray(rule.except) ? rule.except.map(String)
  : rule.except === undefined || rule.except === null ? [] : [String(rule.except)]);
const overrideOn = (rule, date) => (Array.isArray(rule.overrides) ? rule.overrides.find((o) => String(o.on) === date) : undefined);

function fillDay(rule, a) {
  const recurring = kindOf(rule) !== 'once';
  $('edit-day').hidden = !recurring;
  if (!recurring) return;
  $('edit-day-date').textContent = names()[(day(a.date).getUTCDay() + 6) % 7] + ' ' + dm(a.date);
  const moved = overrideOn(rule, a.date);
  $('edit-day-moved').hidden = !moved;
  $('edit-day-moved').textContent = t('wk.dayMoved');
  $('day-undo').hidden = !moved;
  $('day-at').value = moved && moved.at ? String(moved.at) : a.time;
  const skipped = exceptOf(rule).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
  $('day-skipped').replaceChildren(...(skipped.length ? [el('p', {}, t('wk.skipped')), el('div', { class: 'actions' },
    ...skipped.map((d) => {
      const b = el('button', { type: 'button', class: 'secondary', 'data-unskip': d }, t('wk.unskip', { d: dm(d) }));
      b.addEventListener('click', () => putExcept(exceptOf(open.rule).filter((x) => x !== d), d));
      return b;
    }))] : []));
}

async function putExcept(except, date) {
  clearErrors();
  const rule = { ...open.rule };
  if (except.length) rule.except = except; else delete rule.except;
  const key = open.airing.rule;
  const r = await api('PUT', '/api/schedule/rules/' + encodeURIComponent(key), rule, ifMatch());
  if (!r.ok) {
    refused(r, 'day', {});
    return;
  }
  open = null;
  $('editor').hidden = true;
  await changed(r, t('wk.dayDone', { d: dm(date), n: key }));
}

async function moveDay() {
  clearErrors();
  const at = $('day-at').value.trim();
  if (!TIME.test(at)) {
    $('day-at-error').textContent = t('wk.needAt');
    $('day-at').focus();
    return;
  }
  const { rule, airing } = open;
  const r = await api('PUT', '/api/schedule/rules/' + encodeURIComponent(airing.rule) + '/overrides/' + airing.date,
    { ...(overrideOn(rule, airing.date) || {}), at }, ifMatch());
  if (!r.ok) {
    refused(r, 'day', { at: 'day-at', on: 'day' });
    return;
  }
  open = null;
  $('editor').hidden = true;
  await changed(r, t('wk.dayDone', { d: dm(airing.date), n: airing.rule }));
}

async function undoDay() {
  clearErrors();
  const { airing } = open;
  const r = await api('DELETE', '/api/schedule/rules/' + encodeURIComponent(airing.rule) + '/overrides/' + airing.date,
    undefined, ifMatch());
  if (!r.ok) {
    refused(r, 'day', {});
    return;
  }
  open = null;
  $('editor').hidden = true;
  await changed(r, t('wk.dayDone', { d: dm(airing.date), n: airing.rule }));
}

function skipDay() {
  const { rule, airing } = open;
  if (overrideOn(rule, airing.date)) {
    // a day is either moved or skipped: the override goes when the day is skipped
    rule.overrides = rule.overrides.filter((o) => String(o.on) !== airing.date);
    if (!rule.overrides.length) delete rule.overrides;
  }
  putExcept([...exceptOf(rule), airing.date], airing.date);
}

function askDelete() {
  $('delete-ask').textContent = t('wk.deleteAsk', { n: (open.airing.title || open.airing.programme) + ' (' + open.airing.rule + ')' });
  $('delete-confirm').hidden = false;
  $('delete-no').focus();
}

async function remove() {
  clearErrors();
  const key = open.airing.rule;
  const path = kindOf(open.rule) === 'once' ? '/api/schedule/one-offs/' : '/api/schedule/rules/';
  const r = await api('DELETE', path + encodeURIComponent(key), undefined, ifMatch());
  if (!r.ok) {
    $('delete-confirm').hidden = true;
    refused(r, 'delete', {});
    return;
  }
  open = null;
  $('editor').hidden = true;
  await changed(r, t('wk.deleted', { n: key }));
  $('wk-add').focus();
}

// ---- adding --------------------------------------------------------------------------------------

const ADD_FIELDS = {
  key: 'add-key', programme: 'add-programme', at: 'add-at', zones: 'add-zones', days: 'add-days', monthly: 'add-monthly',
  topics: 'add-topics', rotateTopics: 'add-topics', on: 'add-on',
};

function addKind() {
  return document.querySelector('input[name="add-kind"]:checked').value;
}

function showKind() {
  const kind = addKind();
  $('add-days').hidden = kind !== 'weekly';
  $('add-monthly-part').hidden = kind !== 'monthly';
  $('add-once-part').hidden = kind !== 'once';
  if (kind === 'monthly') {
    $('add-zone-all').checked = true;
    station.zones.forEach((z) => { $('add-zone-' + z.key).checked = true; });
    const cchcProgramme = programmes.find((p) => p.category === 'cchc');
    if (cchcProgramme) $('add-programme').value = cchcProgramme.key;
  }
}

function clearAddErrors() {
  Object.values(ADD_FIELDS).concat(['add']).forEach((f) => { $(f + '-error').textContent = ''; });
  $('add-reload').hidden = true;
}

function fillAdder() {
  $('add-programme').replaceChildren(...programmes.map((p) => el('option', { value: p.key },
    (p.title || p.key) + ' (' + p.key + ')')));
  $('add-zone-list').replaceChildren(...station.zones.map((z) => checkbox('add-zone-' + z.key, z.name, true, { 'data-zone': z.key })));
  $('add-zone-list').querySelectorAll('input').forEach((c) => c.addEventListener('change', () => {
    if (!c.checked) $('add-zone-all').checked = false;
  }));
  $('add-day-list').replaceChildren(...DAYS.map((d, i) => checkbox('add-day-' + d, names()[i], false, { 'data-day': d })));
  $('add-month-which').replaceChildren(...NTH.map((n) => el('option', { value: n }, t('wk.nth.' + n))));
  $('add-month-day').replaceChildren(...DAYS.map((d, i) => el('option', { value: d }, names()[i])));
}

async function openAdder(kind, date, time) {
  const p = await api('GET', '/api/schedule/programmes');
  programmes = p.ok ? p.data : [];
  $('add-form').reset();
  fillAdder();
  clearAddErrors();
  $('add-kind-' + kind).checked = true;
  $('add-on').value = date || plus(monday, 0);
  $('add-at').value = time || '';
  if (date) {
    const d = DAYS[(day(date).getUTCDay() + 6) % 7];
    $('add-day-' + d).checked = true;
  }
  showKind();
  $('adder').hidden = false;
  $('adder').scrollIntoView({ block: 'nearest' });
  $('add-kind-' + kind).focus();
}

function closeAdder() {
  $('adder').hidden = true;
  $('wk-add').focus();
}

/** The entry the form describes, or null with the problems shown at their fields. */
function added() {
  clearAddErrors();
  const kind = addKind();
  const rule = {};
  let bad = null;
  const problem = (field, word) => { $(field + '-error').textContent = t(word); bad = bad || field; };
  const key = $('add-key').value.trim();
  if (key && !KEY.test(key)) problem('add-key', 'wk.needKey');
  if (key) rule.key = key;
  if (!$('add-programme').value) problem('add-programme', 'wk.needProgramme');
  rule.programme = $('add-programme').value;
  const picked = station.zones.map((z) => z.key).filter((k) => $('add-zone-' + k).checked);
  if ($('add-zone-all').checked || picked.length === station.zones.length) {
    rule.zones = 'all';
  } else if (kind === 'monthly') {
    problem('add-zones', 'wk.cchcAll');
  } else if (!picked.length) {
    problem('add-zones', 'wk.needZones');
  } else {
    rule.zones = picked;
  }
  const times = $('add-at').value.split(',').map((x) => x.trim()).filter((x) => x);
  if (!times.length || !times.every((x) => TIME.test(x))) problem('add-at', 'wk.needAt');
  rule.at = times.length === 1 ? times[0] : times;
  if (kind === 'weekly') {
    const days = DAYS.filter((d) => $('add-day-' + d).checked);
    if (!days.length) problem('add-days', 'wk.needDays');
    rule.days = days;
  } else if (kind === 'monthly') {
    rule.monthly = $('add-month-which').value + ' ' + $('add-month-day').value;
    rule.rotateTopics = true;
    const topics = $('add-topics').value.split(',').map((x) => x.trim()).filter((x) => x);
    if (topics.length < 2 || topics.some((x) => x.includes('/') || x.includes('\\'))) problem('add-topics', 'wk.needTopics');
    rule.topics = topics;
  } else {
    if (!/^\d{4}-\d{2}-\d{2}$/.test($('add-on').value)) problem('add-on', 'wk.needOn');
    rule.on = $('add-on').value;
  }
  if (bad) {
    const f = $(bad === 'add-zones' ? 'add-zone-all' : bad === 'add-days' ? 'add-day-MO' : bad);
    if (f) f.focus();
    return null;
  }
  return rule;
}

async function add(e) {
  e.preventDefault();
  const rule = added();
  if (!rule) return;
  const path = addKind() === 'once' ? '/api/schedule/one-offs' : '/api/schedule/rules';
  const r = await api('POST', path, rule, ifMatch());
  if (!r.ok) {
    refused(r, 'add', ADD_FIELDS);
    return;
  }
  $('adder').hidden = true;
  await changed(r, t('wk.added', { n: rule.key || rule.programme }));
  $('wk-add').focus();
}

// ---- the page --------------------------------------------------------------------------------

me = await session();
header(me, 'week');
translate();
const st = await api('GET', '/api/station');
if (!st.ok) {
  $('page-error').textContent = st.status === 0 ? t('wk.unreachable') : t('wk.failed', { n: st.status });
} else {
  station = st.data;
  const fillZones = () => {
    const keep = $('wk-zone').value;
    const every = el('option', {}, t('zones.all'));
    every.value = ''; // el() leaves out empty attributes, and an option without one takes its text as its value
    $('wk-zone').replaceChildren(every,
      ...station.groups.map((g) => el('option', { value: 'group:' + g.key }, t('wk.group', { n: g.key }))),
      ...station.zones.map((z) => el('option', { value: 'zone:' + z.key }, z.name)));
    $('wk-zone').value = keep;
  };
  fillZones();
  monday = mondayOf(stationToday());
  $('wk-prev').addEventListener('click', () => { monday = plus(monday, -7); loadWeek(); });
  $('wk-next').addEventListener('click', () => { monday = plus(monday, 7); loadWeek(); });
  $('wk-this').addEventListener('click', () => { monday = mondayOf(stationToday()); loadWeek(); });
  $('wk-zone').addEventListener('change', draw);
  $('edit-form').addEventListener('submit', save);
  $('wk-add').addEventListener('click', () => openAdder('weekly'));
  $('add-form').addEventListener('submit', add);
  $('add-close').addEventListener('click', closeAdder);
  $('add-reload').addEventListener('click', async () => { clearAddErrors(); await loadWeek(); });
  document.querySelectorAll('input[name="add-kind"]').forEach((r) => r.addEventListener('change', showKind));
  $('add-zone-all').addEventListener('change', () => {
    station.zones.forEach((z) => { $('add-zone-' + z.key).checked = $('add-zone-all').checked; });
  });
  $('day-move').addEventListener('click', moveDay);
  $('day-skip').addEventListener('click', skipDay);
  $('day-undo').addEventListener('click', undoDay);
  $('edit-delete').addEventListener('click', askDelete);
  $('delete-no').addEventListener('click', () => { $('delete-confirm').hidden = true; $('edit-delete').focus(); });
  $('delete-yes').addEventListener('click', remove);
  $('edit-close').addEventListener('click', closeEditor);
  $('view-close').addEventListener('click', closeEditor);
  $('edit-reload').addEventListener('click', async () => {
    const a = open.airing;
    await loadWeek();
    const again = airings.find((x) => x.key === a.key) || airings.find((x) => x.rule === a.rule);
    if (again) {
      openAiring(again, null);
    } else {
      closeEditor();
    }
  });
  $('edit-zone-all').addEventListener('change', () => {
    zonesTouched = true;
    station.zones.forEach((z) => { $('edit-zone-' + z.key).checked = $('edit-zone-all').checked; });
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !$('adder').hidden) closeAdder();
    else if (e.key === 'Escape' && !$('editor').hidden) closeEditor();
  });
  onLanguage(() => {
    fillZones();
    if (airings) draw();
    if (cchc) drawCchc(cchc);
    if (station && !$('adder').hidden) {
      const keep = { which: $('add-month-which').value, day: $('add-month-day').value };
      const days = DAYS.filter((d) => $('add-day-' + d).checked);
      const zones = station.zones.filter((z) => $('add-zone-' + z.key).checked).map((z) => z.key);
      fillAdder();
      $('add-month-which').value = keep.which;
      $('add-month-day').value = keep.day;
      DAYS.forEach((d) => { $('add-day-' + d).checked = days.includes(d); });
      station.zones.forEach((z) => { $('add-zone-' + z.key).checked = zones.includes(z.key); });
    }
  });
  await loadWeek();
}
