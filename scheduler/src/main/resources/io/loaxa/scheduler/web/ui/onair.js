import { addWords, api, clock, el, header, lang, live, onLanguage, said, session, stateWord, t, translate } from '/ui/common.js';

addWords({
  'onair.level': ['Mức ra loa', 'Output level'],
  'onair.peak': ['đỉnh', 'peak'],
  'onair.rms': ['trung bình', 'RMS'],
  'failures.heading': ['Lượt phát lỗi gần đây', 'Recent failed airings'],
  'inc.heading': ['Sự cố', 'Incidents'],
  'inc.none': ['Không có sự cố nào đang diễn ra.', 'No incident is open.'],
  'inc.open': ['Đang diễn ra', 'Open'],
  'inc.ended': ['Đã kết thúc', 'Ended'],
  'inc.since': ['từ', 'since'],
  'inc.until': ['đến', 'until'],
  'inc.evidence': ['Bản ghi âm làm bằng chứng', 'Evidence recording'],
  'inc.closedHeading': ['Đã kết thúc gần đây', 'Recently ended'],
  'inc.noneClosed': ['Không có sự cố nào trong 7 ngày qua.', 'No incident in the last 7 days.'],
});

/** The meter's scale: a bar from −60 dBFS (empty) to 0 dBFS (full). */
const METER_FLOOR = -60;
/** Closed incidents kept on the page. */
const CLOSED = 5;

const $ = (id) => document.getElementById(id);
let last = null;
let names = {};
let heardAt = 0;
let ticker = null;
let level = null;
let incidents = { open: [], closed: [] };
let openKey = null;

function zonesText(list) {
  if (!list || list.length === 0) {
    return '—';
  }
  return list.map((k) => names[k] || k).join(', ');
}

/** Elapsed and remaining as of now: the status says them as of when it was sent; the page counts on. */
function drawTimes() {
  const air = last && last.onAir;
  if (!air) {
    return;
  }
  const on = Math.floor((Date.now() - heardAt) / 1000);
  if (air.elapsedSeconds !== undefined) {
    const elapsed = air.elapsedSeconds + on;
    $('onair-elapsed').textContent = clock(elapsed);
    $('onair-elapsed').dataset.seconds = String(elapsed);
  } else {
    $('onair-elapsed').textContent = '—';
    $('onair-elapsed').dataset.seconds = '';
  }
  const known = air.remainingSeconds != null;
  const remaining = known ? Math.max(0, air.remainingSeconds - on) : null;
  $('onair-remaining').textContent = !known ? t('onair.unknownLength')
    : (air.lengthStated ? '' : t('onair.atMost') + ' ') + clock(remaining);
  $('onair-remaining').dataset.seconds = known ? String(remaining) : '';
  $('onair-progress').hidden = !known || !air.lengthSeconds;
  if (known && air.lengthSeconds) {
    $('onair-progress').value = Math.min(100, Math.round(100 * (air.lengthSeconds - remaining) / air.lengthSeconds));
  }
}

function number(db) {
  return db.toLocaleString(lang() === 'en' ? 'en-GB' : 'vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** The level meter: the bar follows the peak; the numbers say peak and RMS in dBFS. */
function drawLevel() {
  const meter = $('onair-meter');
  const bar = $('onair-meter-bar');
  const text = $('onair-level');
  if (!level) {
    meter.setAttribute('aria-valuenow', String(METER_FLOOR));
    meter.removeAttribute('aria-valuetext');
    bar.style.width = '0';
    text.dataset.i18n = 'onair.noLevel';
    text.textContent = t('onair.noLevel');
    delete text.dataset.peak;
    return;
  }
  const peak = Math.max(METER_FLOOR, Math.min(0, level.peak));
  const words = `${t('onair.peak')} ${number(level.peak)} dBFS · ${t('onair.rms')} ${number(level.rms)} dBFS`;
  meter.setAttribute('aria-valuenow', peak.toFixed(1));
  meter.setAttribute('aria-valuetext', words);
  bar.style.width = (100 * (peak - METER_FLOOR) / -METER_FLOOR).toFixed(1) + '%';
  delete text.dataset.i18n;
  text.textContent = words;
  text.dataset.peak = String(level.peak);
  text.dataset.rms = String(level.rms);
}

function incidentItem(i) {
  const title = lang() === 'en' ? i.titleEn : i.title;
  const when = i.open ? `${t('inc.since')} ${i.startLocal}` : `${i.startLocal} ${t('inc.until')} ${i.endLocal}`;
  return el('li', { 'data-kind': i.kind, 'data-subject': i.subject, 'data-state': i.open ? 'open' : 'ended',
    class: i.open ? 'incident-open' : 'incident-ended' },
  el('b', { class: i.open ? 'problem' : '' }, title), i.subject ? ' · ' + i.subject : '', ' — ',
  el('span', { class: 'state' }, t(i.open ? 'inc.open' : 'inc.ended')), el('br'),
  el('small', { class: 'when' }, when),
  i.detail ? el('span', { class: 'muted' }, ' ', said(i.detail)) : '',
  i.evidence ? el('small', { class: 'muted evidence' }, el('br'), t('inc.evidence') + ': ',
    el('a', { href: '/api/incidents/evidence/' + encodeURIComponent(i.evidence), download: i.evidence }, i.evidence)) : '');
}

function drawIncidents() {
  $('incidents').replaceChildren(...(incidents.open.length ? incidents.open.map(incidentItem)
    : [el('li', { class: 'muted' }, t('inc.none'))]));
  $('incidents-closed').replaceChildren(...(incidents.closed.length ? incidents.closed.map(incidentItem)
    : [el('li', { class: 'muted' }, t('inc.noneClosed'))]));
}

/** The closed ones come from /api/incidents, asked again whenever the open ones change. */
async function readClosed() {
  const r = await api('GET', '/api/incidents');
  if (r.ok && r.data) {
    incidents.closed = r.data.incidents.filter((i) => !i.open).slice(0, CLOSED);
    drawIncidents();
  }
}

function draw(s) {
  const wasOnAir = !!(last && last.onAir);
  last = s;
  heardAt = Date.now();
  names = {};
  s.zones.forEach((z) => { names[z.key] = z.name; });
  $('station').textContent = s.station;
  const air = s.onAir;
  $('onair-nothing').hidden = !!air;
  $('onair-now').hidden = !air;
  $('onair').classList.toggle('emergency', !!air && air.priority === 'EMERGENCY');
  if (air) {
    $('onair-title').textContent = air.title;
    $('onair-remaining').dataset.length = air.lengthSeconds == null ? '' : String(air.lengthSeconds);
    $('onair-elapsed').dataset.startedAt = air.startedAt || '';
    $('onair-zones').textContent = zonesText(air.zones);
    drawTimes();
    if (!ticker) {
      ticker = setInterval(drawTimes, 1000);
    }
  } else {
    if (ticker) {
      clearInterval(ticker);
      ticker = null;
    }
    if (wasOnAir || level) {
      level = null;
      drawLevel();
    }
  }
  $('zones').replaceChildren(...s.zones.map((z) => el('li', { class: 'state-' + z.state, 'data-zone': z.key, 'data-state': z.state },
    el('span', { class: 'name' }, z.name),
    el('span', { class: 'state' }, stateWord(z.state)),
    z.problem ? el('small', { class: 'problem' }, z.problem) : '')));
  $('amplifier').textContent = s.amplifier ? stateWord(s.amplifier.state) : '—';
  $('next').replaceChildren(...(s.next.length ? s.next.map((n) => el('li', { 'data-key': n.key },
    el('small', { class: 'when' }, n.local), ' ', el('b', {}, n.title), el('br'),
    el('span', { class: 'muted' }, n.zones === 'all' ? t('zones.all') : zonesText(n.zones.split(',')))))
    : [el('li', { class: 'muted' }, t('next.none'))]));
  $('failures').replaceChildren(...(s.failures.length ? s.failures.map((f) => el('li', {},
    el('small', { class: 'when' }, f.local), ' ', el('b', {}, f.title), ' — ',
    el('span', { class: 'problem' }, t('outcome.' + f.outcome)), el('br'),
    el('span', { class: 'muted' }, f.reason)))
    : [el('li', { class: 'muted' }, t('failures.none'))]));
  $('health').replaceChildren(...s.health.map((h) => el('li', { 'data-kind': h.kind },
    el('b', {}, t('health.' + h.kind) + (h.key ? ' ' + h.key : '')), ': ',
    h.ok ? el('span', { class: 'ok' }, t('health.ok')) : el('span', { class: 'problem' }, said(h.problem)))));
  incidents.open = s.incidents || [];
  const key = JSON.stringify(incidents.open.map((i) => [i.kind, i.subject, i.start]));
  drawIncidents();
  if (key !== openKey) {
    openKey = key;
    readClosed();
  }
  updated(s.at);
}

function updated(at) {
  $('updated').textContent = new Date(at).toLocaleTimeString(lang() === 'en' ? 'en-GB' : 'vi-VN');
}

const who = await session();
header(who, 'onair');
translate();
onLanguage(() => {
  if (last) {
    draw(last);
  }
  drawLevel();
});
live(draw, {
  level: (l) => {
    if (last && last.onAir) {
      level = l;
      drawLevel();
    }
  },
  beat: (b) => updated(b.at),
});
