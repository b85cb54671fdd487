// The audit log (nhật ký thao tác): who changed what and every refusal, newest first, filtered by
// days, by who and by the action's words; the chosen days as CSV.
import { addWords, api, el, header, lang, onLanguage, said, session, t, translate } from '/ui/common.js';

addWords({
  'au.heading': ['Nhật ký thao tác', 'Audit log'],
  'au.refused': ['Chỉ quản trị viên và cán bộ báo cáo xem được nhật ký thao tác.', 'Only an admin or an officer can see the audit log.'],
  'au.from': ['Từ ngày', 'From'],
  'au.to': ['Đến ngày', 'To'],
  'au.who': ['Người thao tác', 'Who'],
  'au.anyone': ['Tất cả', 'Anyone'],
  'au.action': ['Thao tác', 'Action'],
  'au.actionExample': ['ví dụ schedule, login, air', 'e.g. schedule, login, air'],
  'au.refusals': ['Chỉ những lần bị từ chối', 'Refusals only'],
  'au.apply': ['Xem', 'Show'],
  'au.csv': ['Tải CSV', 'Download CSV'],
  'au.at': ['Lúc', 'At'],
  'au.change': ['Thay đổi', 'Change'],
  'au.result': ['Kết quả', 'Result'],
  'au.allowed': ['Được phép', 'Allowed'],
  'au.denied': ['Bị từ chối', 'Refused'],
  'au.count': ['{n} thao tác', '{n} entries'],
  'au.more': ['Xem thêm', 'Show more'],
  'au.badDays': ['"Đến ngày" phải không sớm hơn "Từ ngày".', '"To" must not be before "From".'],
});

const PAGE = 50;
const $ = (id) => document.getElementById(id);
let zone = 'Asia/Ho_Chi_Minh';
let all = [];
let showing = PAGE;

const localDay = (at) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
  .format(new Date(at));
const localTime = (at) => new Intl.DateTimeFormat(lang() === 'en' ? 'en-GB' : 'vi-VN', {
  timeZone: zone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit',
}).format(new Date(at));

/** An instant a day before or after a station date: the API reads instants, the page filters by the station's days. */
function around(date, days) {
  const d = new Date(date + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().replace('.000Z', 'Z');
}

function chosen() {
  const who = $('who').value;
  const words = $('action').value.trim().toLowerCase();
  const from = $('from').value;
  const to = $('to').value;
  return all.filter((e) => (!who || e.who === who) && (!words || e.action.toLowerCase().includes(words))
    && (!$('refusals').checked || !e.allowed) && (!from || localDay(e.at) >= from) && (!to || localDay(e.at) <= to));
}

function draw() {
  const list = chosen();
  $('count').textContent = t('au.count', { n: list.length });
  $('entries').replaceChildren(...list.slice(0, showing).map((e) => el('tr', { 'data-id': String(e.id), 'data-allowed': String(e.allowed) },
    el('td', { 'data-label': t('au.at'), class: 'num-left' }, localTime(e.at)),
    el('td', { 'data-label': t('au.who') }, e.who, el('br'), el('small', { class: 'muted' }, e.address)),
    el('td', { 'data-label': t('au.action') }, e.action),
    el('td', { 'data-label': t('au.change'), class: 'detail' }, e.before ? e.before + ' → ' : '', e.after),
    el('td', { 'data-label': t('au.result'), class: e.allowed ? 'ok' : 'problem' }, t(e.allowed ? 'au.allowed' : 'au.denied')))));
  $('more').hidden = list.length <= showing;
  const q = new URLSearchParams({ format: 'csv' });
  if ($('from').value) q.set('from', around($('from').value, -1));
  if ($('to').value) q.set('to', around($('to').value, 2));
  $('export-csv').href = '/api/audit?' + q.toString();
}

async function load() {
  $('to-error').textContent = '';
  if ($('from').value && $('to').value && $('to').value < $('from').value) {
    $('to-error').textContent = t('au.badDays');
    return;
  }
  const q = new URLSearchParams();
  if ($('from').value) q.set('from', around($('from').value, -1));
  if ($('to').value) q.set('to', around($('to').value, 2));
  const r = await api('GET', '/api/audit?' + q.toString());
  if (r.status === 403) {
    $('refused').hidden = false;
    return;
  }
  if (!r.ok) {
    $('page-error').textContent = r.data ? said(r.data.error) : String(r.status);
    return;
  }
  all = r.data.slice().reverse();
  const keep = $('who').value;
  const names = [...new Set(all.map((e) => e.who))].sort();
  const anyone = el('option', {}, t('au.anyone'));
  anyone.value = '';
  $('who').replaceChildren(anyone, ...names.map((n) => el('option', { value: n }, n)));
  $('who').value = names.includes(keep) ? keep : '';
  showing = PAGE;
  $('audit-card').hidden = false;
  draw();
}

const me = await session();
header(me, 'audit');
translate();
const st = await api('GET', '/api/station');
if (st.ok) zone = st.data.timeZone;
const today = localDay(new Date().toISOString());
$('to').value = today;
const weekAgo = new Date(today + 'T12:00:00Z');
weekAgo.setUTCDate(weekAgo.getUTCDate() - 6);
$('from').value = weekAgo.toISOString().slice(0, 10);
$('filters').addEventListener('submit', (e) => { e.preventDefault(); load(); });
['who', 'refusals'].forEach((id) => $(id).addEventListener('change', () => { showing = PAGE; draw(); }));
$('action').addEventListener('input', () => { showing = PAGE; draw(); });
$('more').addEventListener('click', () => { showing += PAGE; draw(); });
onLanguage(() => { if (all.length || !$('audit-card').hidden) draw(); });
await load();
