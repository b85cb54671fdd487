// "Tin từ tỉnh": the bulletins the province hub pushed that wait for the station's operator
// (hub.bulletins: review). Accept plans one as the hub sent it; reject tells the hub why.
import { addWords, api, el, header, onLanguage, said, session, t, translate } from '/ui/common.js';

addWords({
  'hb.heading': ['Tin từ tỉnh', 'From the province'],
  'hb.refused': ['Chỉ cán bộ đài và quản trị viên xem được trang này.', 'Only operators and admins can see this page.'],
  'hb.unlinked': ['Đài chưa nối với hệ thống cấp tỉnh (khối hub: trong tệp cấu hình).',
    'The station is not linked to the province hub (the hub: block of the config).'],
  'hb.help': ['Bản tin tỉnh gửi về chờ cán bộ đài duyệt: duyệt thì bản tin được lên lịch phát như tỉnh gửi; từ chối thì ghi lý do để tỉnh biết.',
    'Bulletins the province sent wait for the station\'s operator: accept one and it is planned as sent; reject it with a reason the province will read.'],
  'hb.none': ['Không có bản tin nào đang chờ duyệt.', 'No bulletin is waiting.'],
  'hb.received': ['Nhận lúc {t}', 'Received {t}'],
  'hb.expires': ['hết hạn {t}', 'expires {t}'],
  'hb.at': ['Phát lúc {t}', 'Airs at {t}'],
  'hb.now': ['Phát ngay khi duyệt', 'Airs as soon as accepted'],
  'hb.every': ['lặp lại mỗi {n} phút', 'repeats every {n} minutes'],
  'hb.zones': ['Phát tới', 'To'],
  'hb.audio': ['Tệp âm thanh: {n}', 'Recording: {n}'],
  'hb.accept': ['Duyệt và lên lịch', 'Accept and plan'],
  'hb.reject': ['Từ chối', 'Reject'],
  'hb.reason': ['Lý do từ chối (gửi về tỉnh)', 'Reason for rejecting (sent to the province)'],
  'hb.needReason': ['Ghi lý do từ chối để tỉnh biết.', 'Write the reason for the province.'],
  'hb.confirmReject': ['Gửi từ chối', 'Send the rejection'],
  'hb.accepted': ['Đã duyệt "{n}"; bản tin đã lên lịch.', 'Accepted "{n}"; it is planned.'],
  'hb.rejected': ['Đã từ chối "{n}".', 'Rejected "{n}".'],
  'hb.priority.NORMAL': ['Thông thường', 'Normal'],
  'hb.priority.PRIORITY': ['Ưu tiên', 'Priority'],
});

const $ = (id) => document.getElementById(id);
let last = null;

function done(key, name) {
  $('done').textContent = t(key, { n: name });
  $('done').hidden = false;
}

function item(b) {
  const error = el('p', { class: 'error', role: 'alert', id: 'error-' + b.id });
  const accept = el('button', { type: 'button', 'data-accept': b.id }, t('hb.accept'));
  const reject = el('button', { type: 'button', class: 'secondary', 'data-reject': b.id }, t('hb.reject'));
  const reasonId = 'reason-' + b.id;
  const reason = el('textarea', { id: reasonId, 'data-reason': b.id });
  const reasonBox = el('div', { hidden: true }, el('label', { for: reasonId }, t('hb.reason')), reason);
  accept.addEventListener('click', async () => {
    error.textContent = '';
    accept.disabled = true;
    const r = await api('POST', '/api/hub/bulletins/' + encodeURIComponent(b.id) + '/accept', {});
    accept.disabled = false;
    if (!r.ok) {
      error.textContent = r.data ? said(r.data.error) : String(r.status);
      return;
    }
    done('hb.accepted', b.title || b.id);
    await load();
  });
  reject.addEventListener('click', async () => {
    error.textContent = '';
    if (reasonBox.hidden) {
      reasonBox.hidden = false;
      reject.textContent = t('hb.confirmReject');
      reject.className = 'danger';
      reason.focus();
      return;
    }
    if (!reason.value.trim()) {
      error.textContent = t('hb.needReason');
      reason.focus();
      return;
    }
    const r = await api('POST', '/api/hub/bulletins/' + encodeURIComponent(b.id) + '/reject', { reason: reason.value.trim() });
    if (!r.ok) {
      error.textContent = r.data ? said(r.data.error) : String(r.status);
      return;
    }
    done('hb.rejected', b.title || b.id);
    await load();
  });
  return el('li', { 'data-bulletin': b.id },
    el('div', { class: 'name' }, b.title || b.id),
    el('p', { class: 'muted' }, t('hb.received', { t: b.receivedLocal }) + ' · ' + t('hb.expires', { t: b.expiresLocal })),
    el('p', {}, t('hb.priority.' + b.priority) + ' · ' + (b.atLocal ? t('hb.at', { t: b.atLocal }) : t('hb.now'))
      + (b.repeatEveryMinutes ? ' · ' + t('hb.every', { n: b.repeatEveryMinutes }) : '')),
    el('p', {}, el('b', {}, t('hb.zones') + ': '), b.allZones ? t('zones.all') : b.zones.join(', ')),
    b.text ? el('p', { class: 'spoken' }, b.text) : el('p', {}, t('hb.audio', { n: b.audio })),
    reasonBox, error,
    el('div', { class: 'actions' }, accept, reject));
}

function draw(s) {
  last = s;
  $('unlinked').hidden = s.linked;
  $('held-card').hidden = !s.linked;
  $('none').hidden = s.held.length > 0;
  $('held').replaceChildren(...s.held.map(item));
}

async function load() {
  const r = await api('GET', '/api/hub/bulletins');
  if (r.status === 403) {
    $('refused').hidden = false;
    return;
  }
  if (!r.ok) {
    $('page-error').textContent = r.data ? said(r.data.error) : String(r.status);
    return;
  }
  $('page-error').textContent = '';
  draw(r.data);
}

const who = await session();
header(who, 'hub');
translate();
onLanguage(() => { if (last) draw(last); });
await load();
