// The airing log (filters, pages, exports of the filtered rows) and the period report with its CCHC
// compliance per month, for officers and admins. Days are the station's: "today" comes from the
// station, never from the browser's clock.
import { addWords, api, el, header, lang, onLanguage, session, t, translate } from '/ui/common.js';

addWords({
  'log.heading': ['Nhật ký và báo cáo', 'Log and reports'],
  'log.refused': ['Chỉ cán bộ báo cáo và quản trị viên xem được trang này.', 'Only an officer or an admin can see this page.'],
  'log.airings': ['Nhật ký phát sóng', 'Airing log'],
  'log.period': ['Thời gian', 'Period'],
  'log.today': ['Hôm nay', 'Today'],
  'log.week': ['Tuần này', 'This week'],
  'log.month': ['Tháng này', 'This month'],
  'log.from': ['Từ ngày', 'From'],
  'log.to': ['Đến ngày', 'To'],
  'log.category': ['Chuyên mục', 'Category'],
  'log.zone': ['Ấp', 'Hamlet'],
  'log.outcome': ['Kết quả', 'Outcome'],
  'log.size': ['Số dòng mỗi trang', 'Rows per page'],
  'log.any': ['Tất cả', 'All'],
  'log.apply': ['Xem', 'Show'],
  'log.count': ['{n} lượt phát', '{n} airings'],
  'log.none': ['Không có lượt phát nào khớp với bộ lọc.', 'No airing matches the filters.'],
  'log.colPlanned': ['Giờ dự kiến', 'Planned'],
  'log.colActual': ['Giờ phát thực tế', 'Actual'],
  'log.colContent': ['Nội dung', 'Content'],
  'log.colZones': ['Ấp (đã xác nhận)', 'Hamlets (confirmed)'],
  'log.colOutcome': ['Kết quả', 'Outcome'],
  'log.notStarted': ['Không phát', 'Did not air'],
  'log.stillOn': ['đang phát', 'on air'],
  'log.confirmed': ['Xác nhận {n}/{m}', 'Confirmed {n}/{m}'],
  'log.unconfirmed': ['Bo không báo lại', 'Board did not report'],
  'log.failedZones': ['Không bật được', 'Not switched on'],
  'log.late': ['trễ {n}', '{n} late'],
  'log.detail': ['Chi tiết kỹ thuật', 'Technical detail'],
  'why.PARTIAL': ['Phát được nhưng có ấp không bật được loa.', 'Aired, but some hamlets could not be switched on.'],
  'why.PREEMPTED': ['Bị ngắt để nhường cho bản tin ưu tiên hơn.', 'Cut short for a more urgent announcement.'],
  'why.FAILED': ['Không phát được: thiết bị báo lỗi.', 'Did not air: a device failed.'],
  'why.MISSED': ['Đã quá giờ phát (máy tắt hoặc đài bận), nên không phát lượt này.', 'Its time had passed (the station was off or busy), so it did not air.'],
  'why.INTERRUPTED': ['Bị gián đoạn vì máy dừng hoặc mất điện giữa chừng.', 'Interrupted: the station stopped or lost power while airing.'],
  'why.SKIPPED': ['Đã hủy, không phát.', 'Cancelled before or while airing.'],
  'log.prev': ['Trang trước', 'Previous'],
  'log.next': ['Trang sau', 'Next'],
  'log.pageOf': ['Trang {n}/{m}', 'Page {n} of {m}'],
  'log.download': ['Tải các dòng đã lọc', 'Download the filtered rows'],
  'log.csv': ['CSV', 'CSV'],
  'log.xlsx': ['Excel', 'Excel'],
  'log.pdf': ['PDF', 'PDF'],
  'log.unreachable': ['Không kết nối được với đài.', 'Cannot reach the station.'],
  'rep.heading': ['Báo cáo định kỳ', 'Period report'],
  'rep.kind': ['Loại kỳ', 'Kind of period'],
  'rep.kindMonth': ['Tháng', 'Month'],
  'rep.kindQuarter': ['Quý', 'Quarter'],
  'rep.kindHalf': ['6 tháng', '6 months'],
  'rep.kindYear': ['Năm', 'Year'],
  'rep.period': ['Kỳ báo cáo', 'Period'],
  'rep.show': ['Xem báo cáo', 'Show the report'],
  'rep.runs': ['Tổng số lượt', 'Runs'],
  'rep.aired': ['Lượt đã phát', 'Aired'],
  'rep.minutes': ['Thời lượng (phút)', 'Airtime (minutes)'],
  'rep.notCompleted': ['Không hoàn thành', 'Not completed'],
  'rep.cchcGaps': ['Tháng × ấp chưa đạt CCHC', 'CCHC gaps (month × hamlet)'],
  'rep.byCategory': ['Theo chuyên mục', 'By category'],
  'rep.colCategory': ['Chuyên mục', 'Category'],
  'rep.colAired': ['Lượt phát', 'Aired'],
  'rep.colMinutes': ['Thời lượng (phút)', 'Minutes'],
  'rep.colNotCompleted': ['Không hoàn thành', 'Not completed'],
  'rep.colHamlets': ['Số ấp nhận', 'Hamlets reached'],
  'rep.compliance': ['Tuân thủ CCHC theo tháng', 'CCHC compliance per month'],
  'rep.complianceNote': ['Số lượt tin, bài cải cách hành chính tới mỗi ấp trong giờ cao điểm ({p}). Ô đỏ: tháng đã qua mà chưa có lượt nào. – tháng chưa kết thúc. * tháng chỉ nằm một phần trong kỳ.',
    'CCHC airings reaching each hamlet in peak hours ({p}). Red: a month over with none. – month not over yet. * month only partly in the period.'],
  'rep.colHamlet': ['Ấp', 'Hamlet'],
  'rep.colMet': ['Số tháng đạt', 'Months met'],
  'rep.summary': ['Đoạn số liệu (để chép vào báo cáo)', 'Figures paragraph (to paste in a report)'],
  'rep.copy': ['Chép đoạn số liệu', 'Copy the paragraph'],
  'rep.copied': ['Đã chép.', 'Copied.'],
  'rep.xlsx': ['Tải Excel', 'Download Excel'],
  'rep.pdf': ['Tải PDF', 'Download PDF'],
  'rep.quarter': ['Quý {q} năm {y}', 'Q{q} {y}'],
  'rep.half': ['6 tháng {h} năm {y}', '{h} half of {y}'],
  'rep.halfFirst': ['đầu', 'first'],
  'rep.halfLast': ['cuối', 'second'],
  'rep.monthName': ['Tháng {m}/{y}', '{m}/{y}'],
  'rep.year': ['Năm {y}', '{y}'],
  'rep.chartDaily': ['Lượt phát theo ngày', 'Airings per day'],
  'rep.chartMonthly': ['Lượt phát theo tháng', 'Airings per month'],
  'rep.chartCchc': ['Số ấp nhận CCHC (giờ cao điểm)', 'Hamlets reached by CCHC (peak hours)'],
  'rep.chartFigures': ['Số liệu của biểu đồ', 'The chart\'s figures'],
  'rep.chartDay': ['Ngày', 'Day'],
  'rep.chartMonth': ['Tháng', 'Month'],
  'rep.chartTotal': ['Cộng', 'Total'],
  'rep.chartNone': ['Không có lượt phát nào trong kỳ này.', 'No airing in this period.'],
  'rep.chartSummary': ['Biểu đồ cột: {n} lượt trong kỳ ({parts}); nhiều nhất {max} lượt ({when}).',
    'Bar chart: {n} airings in the period ({parts}); at most {max} ({when}).'],
  'rep.chartSummaryCchc': [' Đường CCHC: số ấp nhận mỗi tháng {list} trên {h} ấp.',
    ' CCHC line: hamlets reached per month {list} of {h}.'],
});

/** Each outcome's colour in the chart: green for aired, warm for trouble, greys for what did not air. */
const COLOURS = {
  COMPLETED: '#2e7d32', PARTIAL: '#f9a825', PREEMPTED: '#6a1b9a', FAILED: '#c62828', MISSED: '#757575',
  INTERRUPTED: '#8d6e63', SKIPPED: '#90a4ae', ON_AIR: '#1565c0',
};
const CCHC_COLOUR = '#0d47a1';
/** Periods longer than this many days are charted by month. */
const DAILY_UP_TO = 62;

/** What each outcome that is not plain success means at the station, in the operator's words. */
const WHY = {
  PARTIAL: 'why.PARTIAL', PREEMPTED: 'why.PREEMPTED', FAILED: 'why.FAILED', MISSED: 'why.MISSED',
  INTERRUPTED: 'why.INTERRUPTED', SKIPPED: 'why.SKIPPED',
};

const $ = (id) => document.getElementById(id);
const FIELDS = ['from', 'to', 'category', 'zone', 'outcome'];
let choices = null;
let state = { from: '', to: '', category: '', zone: '', outcome: '', page: 1, size: 25 };
let last = null;
let report = null;
let chart = null;

// ---- days ------------------------------------------------------------------------------------

function day(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function iso(date) {
  return date.toISOString().slice(0, 10);
}

function quick(kind) {
  const today = day(choices.today);
  if (kind === 'today') {
    return [choices.today, choices.today];
  }
  if (kind === 'week') {
    const back = (today.getUTCDay() + 6) % 7; // Monday starts the week
    return [iso(new Date(today.getTime() - back * 86400000)), choices.today];
  }
  return [choices.today.slice(0, 8) + '01', choices.today];
}

/** Station time "2026-12-05T06:00:00+07:00" as its date and hh:mm, or hh:mm:ss. */
function when(stamp, seconds) {
  if (!stamp) {
    return '';
  }
  const time = stamp.slice(11, seconds ? 19 : 16);
  return { date: stamp.slice(0, 10), time };
}

function shortDate(isoDay) {
  const [y, m, d] = isoDay.split('-');
  return `${d}/${m}/${y}`;
}

// ---- the log ---------------------------------------------------------------------------------

function query(extra = {}) {
  const q = new URLSearchParams();
  for (const f of FIELDS) {
    if (state[f]) {
      q.set(f, state[f]);
    }
  }
  for (const [k, v] of Object.entries(extra)) {
    q.set(k, v);
  }
  return q.toString();
}

function zoneName(key) {
  const z = choices.zones.find((c) => c.zone === key);
  return z ? z.name : key;
}

function clearErrors() {
  [...FIELDS, 'page'].forEach((f) => {
    const e = $(f + '-error');
    if (e) {
      e.textContent = '';
    }
  });
  $('page-error').textContent = '';
}

function refusal(r) {
  if (r.status === 0) {
    return [null, t('log.unreachable')];
  }
  const field = r.data && r.data.field && $(r.data.field + '-error') ? r.data.field : 'page';
  return [field, r.data && r.data.error ? r.data.error : String(r.status)];
}

function showRefusal(r) {
  const [field, text] = refusal(r);
  $((field || 'page') + '-error').textContent = text;
}

function cell(label, ...children) {
  // one child: on a phone the cell is a two-column grid, the label beside everything the cell says
  return el('td', { 'data-label': t(label) }, el('div', {}, ...children));
}

function runRow(run) {
  const planned = when(run.plannedAt, false);
  const started = when(run.startedAt, true);
  const ended = when(run.endedAt, true);
  let actual;
  if (!run.startedAt) {
    actual = el('span', { class: 'muted' }, t('log.notStarted'));
  } else {
    const on = started.date === planned.date ? '' : shortDate(started.date) + ' ';
    actual = el('span', { class: 'when' }, on + started.time + ' – ' + (run.endedAt ? ended.time : t('log.stillOn')));
  }
  const zones = el('div', {}, run.zonesText);
  const counted = el('div', { class: run.zonesConfirmed.length === run.zonesRequested.length ? 'ok' : 'muted' },
    t('log.confirmed', { n: run.zonesConfirmed.length, m: run.zonesRequested.length }));
  const parts = [zones, counted];
  if (run.zonesFailed.length > 0) {
    parts.push(el('div', { class: 'problem' }, t('log.failedZones') + ': ' + run.zonesFailed.map(zoneName).join(', ')));
  }
  if (run.zonesUnconfirmed.length > 0) {
    parts.push(el('div', { class: 'muted' }, t('log.unconfirmed') + ': ' + run.zonesUnconfirmed.map(zoneName).join(', ')));
  }
  const good = run.outcome === 'COMPLETED';
  const outcome = [el('b', { class: good ? 'ok' : (run.outcome === 'ON_AIR' ? '' : 'problem') }, run.outcomeName)];
  if (WHY[run.outcome]) {
    outcome.push(el('div', { class: 'reason' }, t(WHY[run.outcome])));
  }
  if (run.reason) {
    outcome.push(el('div', { class: 'detail muted' }, t('log.detail') + ': ' + run.reason));
  }
  return el('tr', { 'data-run': String(run.run), 'data-outcome': run.outcome },
    cell('log.colPlanned', el('span', { class: 'when' }, shortDate(planned.date) + ' ' + planned.time)),
    cell('log.colActual', actual),
    cell('log.colContent', el('div', { class: 'title' }, run.title), el('div', { class: 'muted' }, run.categoryName)),
    cell('log.colZones', ...parts),
    cell('log.colOutcome', ...outcome));
}

function drawLog() {
  if (!last) {
    return;
  }
  $('runs').replaceChildren(...last.runs.map(runRow));
  if (last.total === 0) {
    $('runs').append(el('tr', {}, el('td', { colspan: '5', class: 'muted' }, t('log.none'))));
  }
  $('count').textContent = t('log.count', { n: last.total }) + ' · ' + shortDate(last.from) + ' – ' + shortDate(last.to);
  const pages = Math.max(1, last.pages);
  $('page-of').textContent = t('log.pageOf', { n: last.page, m: pages });
  $('prev').disabled = last.page <= 1;
  $('next').disabled = last.page >= pages;
  for (const f of ['csv', 'xlsx', 'pdf']) {
    $('export-' + f).href = '/api/log/export?' + query({ format: f, lang: lang() });
  }
}

async function loadLog() {
  clearErrors();
  const r = await api('GET', '/api/log?' + query({ page: state.page, size: state.size }));
  if (!r.ok) {
    showRefusal(r);
    return;
  }
  last = r.data;
  drawLog();
}

function readForm() {
  for (const f of FIELDS) {
    state[f] = $(f).value;
  }
  state.size = Number($('size').value);
}

function fillSelect(id, items, value, name) {
  const s = $(id);
  const keep = s.value;
  const any = el('option', { 'data-i18n': 'log.any' }, t('log.any'));
  any.value = ''; // el() leaves out empty attributes, and an option without one is worth its text
  s.replaceChildren(any, ...items.map((i) => el('option', { value: value(i) }, name(i))));
  s.value = keep;
}

async function loadChoices() {
  const r = await api('GET', '/api/log/choices');
  if (!r.ok) {
    showRefusal(r);
    return false;
  }
  choices = r.data;
  fillSelect('category', choices.categories, (c) => c.category, (c) => c.name);
  fillSelect('zone', choices.zones, (z) => z.zone, (z) => z.name);
  fillSelect('outcome', choices.outcomes, (o) => o.outcome, (o) => o.name);
  return true;
}

// ---- the period report -----------------------------------------------------------------------

/** The periods of a kind, newest first, as codes the station takes: 2026-12, 2026-Q4, 2026-H2, 2026. */
function periods(kind) {
  const [y, m] = choices.today.split('-').map(Number);
  const out = [];
  if (kind === 'month') {
    for (let i = 0; i < 24; i++) {
      const mm = ((m - 1 - i) % 12 + 12) % 12 + 1;
      const yy = y + Math.floor((m - 1 - i) / 12);
      out.push([`${yy}-${String(mm).padStart(2, '0')}`, t('rep.monthName', { m: mm, y: yy })]);
    }
  } else if (kind === 'quarter') {
    const q = Math.floor((m - 1) / 3);
    for (let i = 0; i < 8; i++) {
      const qq = ((q - i) % 4 + 4) % 4 + 1;
      const yy = y + Math.floor((q - i) / 4);
      out.push([`${yy}-Q${qq}`, t('rep.quarter', { q: qq, y: yy })]);
    }
  } else if (kind === 'half') {
    const h = m <= 6 ? 0 : 1;
    for (let i = 0; i < 4; i++) {
      const hh = ((h - i) % 2 + 2) % 2 + 1;
      const yy = y + Math.floor((h - i) / 2);
      out.push([`${yy}-H${hh}`, t('rep.half', { h: t(hh === 1 ? 'rep.halfFirst' : 'rep.halfLast'), y: yy })]);
    }
  } else {
    for (let i = 0; i < 4; i++) {
      out.push([String(y - i), t('rep.year', { y: y - i })]);
    }
  }
  return out;
}

function fillPeriods() {
  const keep = $('period').value;
  const list = periods($('kind').value);
  $('period').replaceChildren(...list.map(([code, name]) => el('option', { value: code }, name)));
  if (list.some(([code]) => code === keep)) {
    $('period').value = keep;
  }
}

/** Minutes with one decimal, written with the language's decimal mark (12,5 / 12.5). */
function minutes(seconds) {
  const m = (seconds / 60).toFixed(1);
  return lang() === 'en' ? m : m.replace('.', ',');
}

function figure(label, value, id) {
  return el('div', {}, el('dt', {}, t(label)), el('dd', { id }, String(value)));
}

function drawReport() {
  if (!report) {
    return;
  }
  $('rep-label').textContent = report.label;
  $('rep-totals').replaceChildren(
    figure('rep.runs', report.totals.runs, 'rep-runs'),
    figure('rep.aired', report.totals.aired, 'rep-aired'),
    figure('rep.minutes', minutes(report.totals.airtimeSeconds), 'rep-minutes'),
    figure('rep.notCompleted', report.totals.notCompleted, 'rep-not-completed'),
    figure('rep.cchcGaps', report.cchcGaps, 'rep-gaps'));
  $('rep-categories').replaceChildren(...report.categories.map((c) => el('tr', { 'data-category': c.category },
    el('td', { 'data-label': t('rep.colCategory') }, c.name),
    el('td', { 'data-label': t('rep.colAired'), class: 'num' }, String(c.aired)),
    el('td', { 'data-label': t('rep.colMinutes'), class: 'num' }, minutes(c.airtimeSeconds)),
    el('td', { 'data-label': t('rep.colNotCompleted'), class: 'num' }, String(c.notCompleted)),
    el('td', { 'data-label': t('rep.colHamlets'), class: 'num' }, String(c.hamletsReached)))));
  const c = report.compliance;
  $('rep-compliance-note').textContent = t('rep.complianceNote', { p: c.peaks });
  $('rep-compliance-head').replaceChildren(el('th', { scope: 'col' }, t('rep.colHamlet')),
    ...c.months.map((m, i) => el('th', { scope: 'col', class: 'num' }, m.slice(5) + '/' + m.slice(0, 4) + (c.partial[i] ? '*' : ''))),
    el('th', { scope: 'col', class: 'num' }, t('rep.colMet')));
  $('rep-compliance').replaceChildren(...c.zones.map((z) => el('tr', { 'data-zone': z.zone },
    el('th', { scope: 'row' }, z.name),
    ...z.peak.map((n, i) => {
      const open = c.open[i] && n === 0;
      const gap = !c.open[i] && n === 0;
      return el('td', { class: 'num ' + (open ? 'open' : (gap ? 'gap' : 'met')), 'data-month': c.months[i] },
        open ? '–' : String(n));
    }),
    el('td', { class: 'num ' + (z.met === z.judged ? '' : 'problem') }, z.met + '/' + z.judged))));
  $('rep-summary').value = report.summary;
  for (const f of ['xlsx', 'pdf']) {
    $('report-' + f).href = '/api/reports?' + new URLSearchParams({ period: report.period, format: f, lang: lang() });
  }
  $('report').hidden = false;
  drawChart();
}

// ---- the chart of the period -------------------------------------------------------------------

/**
 * The report's runs per day by outcome as the chart shows them: by day, or by month for a period
 * longer than two months, with the CCHC line (hamlets its peak-hour airings reached) per month.
 */
function chartFigures(rep) {
  const d = rep.daily;
  const monthly = d.days.length > DAILY_UP_TO;
  const keys = [];
  const index = new Map();
  const bucketOf = d.days.map((day) => {
    const k = monthly ? day.slice(0, 7) : day;
    if (!index.has(k)) {
      index.set(k, keys.length);
      keys.push(k);
    }
    return index.get(k);
  });
  const series = d.outcomes.map((o) => {
    const counts = new Array(keys.length).fill(0);
    o.counts.forEach((n, i) => { counts[bucketOf[i]] += n; });
    return { outcome: o.outcome, name: o.name, counts };
  });
  const c = rep.compliance;
  const cchc = monthly ? keys.map((k) => {
    const m = c.months.indexOf(k);
    return m < 0 ? 0 : c.zones.filter((z) => z.peak[m] > 0).length;
  }) : null;
  const totals = keys.map((_, i) => series.reduce((sum, s) => sum + s.counts[i], 0));
  return { monthly, keys, series, cchc, hamlets: c.zones.length, totals };
}

function bucketLabel(f, k) {
  return f.monthly ? `${Number(k.slice(5))}/${k.slice(0, 4)}` : `${Number(k.slice(8))}/${Number(k.slice(5, 7))}`;
}

/** The chart's text alternative: a summary for screen readers and a table of every bucket that had runs. */
function chartText(f) {
  const all = f.totals.reduce((a, b) => a + b, 0);
  const parts = f.series.map((s) => s.name + ' ' + s.counts.reduce((a, b) => a + b, 0)).join(', ');
  const max = Math.max(0, ...f.totals);
  const when = f.keys.filter((_, i) => f.totals[i] === max && max > 0).map((k) => bucketLabel(f, k)).join(', ');
  let summary = all === 0 ? t('rep.chartNone') : t('rep.chartSummary', { n: all, parts, max, when });
  if (f.cchc) {
    summary += t('rep.chartSummaryCchc', { list: f.cchc.join(', '), h: f.hamlets });
  }
  $('rep-chart').setAttribute('aria-label', summary);
  $('rep-chart-summary').textContent = summary;
  const head = [el('th', { scope: 'col' }, t(f.monthly ? 'rep.chartMonth' : 'rep.chartDay')),
    ...f.series.map((s) => el('th', { scope: 'col', class: 'num', 'data-outcome': s.outcome }, s.name)),
    el('th', { scope: 'col', class: 'num' }, t('rep.chartTotal'))];
  if (f.cchc) {
    head.push(el('th', { scope: 'col', class: 'num' }, t('rep.chartCchc')));
  }
  $('rep-chart-head').replaceChildren(...head);
  const rows = [];
  f.keys.forEach((k, i) => {
    if (f.totals[i] === 0 && !(f.cchc && f.cchc[i] > 0)) {
      return;
    }
    const cells = [el('th', { scope: 'row' }, bucketLabel(f, k)),
      ...f.series.map((s) => el('td', { class: 'num', 'data-outcome': s.outcome }, String(s.counts[i]))),
      el('td', { class: 'num', 'data-total': '1' }, String(f.totals[i]))];
    if (f.cchc) {
      cells.push(el('td', { class: 'num', 'data-cchc': '1' }, String(f.cchc[i])));
    }
    rows.push(el('tr', { 'data-bucket': k }, ...cells));
  });
  $('rep-chart-rows').replaceChildren(...rows);
  const foot = [el('th', { scope: 'row' }, t('rep.chartTotal')),
    ...f.series.map((s) => el('td', { class: 'num', 'data-outcome': s.outcome }, String(s.counts.reduce((a, b) => a + b, 0)))),
    el('td', { class: 'num', 'data-total': '1' }, String(all))];
  if (f.cchc) {
    foot.push(el('td', { class: 'num' }, ''));
  }
  $('rep-chart-foot').replaceChildren(el('tr', {}, ...foot));
}

function drawChart() {
  if (chart) {
    chart.destroy();
    chart = null;
  }
  const f = chartFigures(report);
  $('rep-chart-heading').textContent = t(f.monthly ? 'rep.chartMonthly' : 'rep.chartDaily');
  chartText(f);
  const box = $('rep-chart');
  box.replaceChildren();
  if (typeof uPlot === 'undefined' || f.series.length === 0) {
    return;
  }
  const n = f.keys.length;
  const x = f.keys.map((_, i) => i);
  // stacked bars: each series a bar from 0 to its own count plus those below it, the tallest drawn first
  let below = new Array(n).fill(0);
  const stacked = f.series.map((s) => {
    below = below.map((v, i) => v + s.counts[i]);
    return { s, tops: below };
  }).reverse();
  const bars = uPlot.paths.bars({ size: [0.8, 48] });
  const series = [{}, ...stacked.map(({ s }) => ({
    label: s.name, fill: COLOURS[s.outcome] || '#000', stroke: COLOURS[s.outcome] || '#000', width: 0,
    paths: bars, points: { show: false },
  }))];
  const data = [x, ...stacked.map(({ tops }) => tops)];
  const axes = [
    {
      splits: (u) => {
        const step = Math.max(1, Math.ceil(n / Math.max(1, Math.floor(u.bbox.width / devicePixelRatio / 44))));
        return x.filter((i) => i % step === 0);
      },
      values: (u, splits) => splits.map((i) => (f.keys[i] ? bucketLabel(f, f.keys[i]) : '')),
    },
    { incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000], size: 40 },
  ];
  const scales = {
    x: { time: false, range: () => [-0.5, n - 0.5] },
    y: { range: (u, min, max) => [0, Math.max(1, max)] },
  };
  if (f.cchc) {
    series.push({ label: t('rep.chartCchc'), scale: 'h', stroke: CCHC_COLOUR, width: 2,
      points: { show: true, size: 7, fill: CCHC_COLOUR } });
    data.push(f.cchc);
    scales.h = { range: () => [0, Math.max(1, f.hamlets)] };
    axes.push({ scale: 'h', side: 1, grid: { show: false }, incrs: [1, 2, 5, 10, 20, 50], size: 32 });
  }
  chart = new uPlot({
    width: Math.max(200, box.clientWidth), height: 220, series, axes, scales,
    legend: { live: false }, cursor: { show: false, drag: { x: false, y: false } },
  }, data, box);
}

function fitChart() {
  const box = $('rep-chart');
  if (chart && box.clientWidth > 0 && Math.abs(chart.width - box.clientWidth) > 1) {
    chart.setSize({ width: Math.max(200, box.clientWidth), height: 220 });
  }
}

async function loadReport() {
  $('period-error').textContent = '';
  const period = $('period').value;
  const r = await api('GET', '/api/reports?' + new URLSearchParams({ period, lang: lang() }));
  if (!r.ok) {
    const [, text] = refusal(r);
    $('period-error').textContent = text;
    return;
  }
  report = r.data;
  drawReport();
}

// ---- the page --------------------------------------------------------------------------------

const me = await session();
header(me, 'log');
translate();
if (!me || !(me.role === 'officer' || me.role === 'admin')) {
  $('refused').hidden = false;
} else if (await loadChoices()) {
  $('log-card').hidden = false;
  $('report-card').hidden = false;
  [state.from, state.to] = quick('week');
  $('from').value = state.from;
  $('to').value = state.to;
  fillPeriods();
  await loadLog();
  document.querySelectorAll('[data-quick]').forEach((b) => b.addEventListener('click', async () => {
    [$('from').value, $('to').value] = quick(b.dataset.quick);
    readForm();
    state.page = 1;
    await loadLog();
  }));
  $('filters').addEventListener('submit', async (e) => {
    e.preventDefault();
    readForm();
    state.page = 1;
    await loadLog();
  });
  $('prev').addEventListener('click', async () => {
    state.page = Math.max(1, state.page - 1);
    await loadLog();
  });
  $('next').addEventListener('click', async () => {
    state.page += 1;
    await loadLog();
  });
  $('kind').addEventListener('change', fillPeriods);
  new ResizeObserver(fitChart).observe($('rep-chart'));
  $('report-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    await loadReport();
  });
  $('copy-summary').addEventListener('click', async () => {
    $('rep-summary').select();
    try {
      await navigator.clipboard.writeText($('rep-summary').value);
    } catch (err) {
      document.execCommand('copy');
    }
    $('copied').textContent = t('rep.copied');
  });
  onLanguage(async () => {
    await loadChoices();
    fillPeriods();
    await loadLog();
    if (report) {
      await loadReport();
    }
  });
}
