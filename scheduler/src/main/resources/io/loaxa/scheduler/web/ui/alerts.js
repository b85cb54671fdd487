// The alert settings page (admins): the channels as the config has them, who is told of which
// incident kinds and how often an unresolved one is told again (saved over the config's defaults),
// a test message on every channel, and the last alerts with what became of each.
import { addWords, api, el, header, lang, onLanguage, said, session, t, translate } from '/ui/common.js';

addWords({
  'al.heading': ['Cài đặt cảnh báo', 'Alert settings'],
  'al.refused': ['Chỉ quản trị viên xem được trang này.', 'Only an admin can see this page.'],
  'al.channels': ['Kênh gửi cảnh báo', 'Alert channels'],
  'al.sms': ['Tin nhắn SMS (modem GSM)', 'SMS (GSM modem)'],
  'al.email': ['Thư điện tử (máy chủ SMTP)', 'E-mail (SMTP server)'],
  'al.notConfigured': ['Chưa cấu hình', 'Not configured'],
  'al.smsLine': ['Cổng {port}, {baud} baud', 'Port {port}, {baud} baud'],
  'al.diacritics': ['có dấu tiếng Việt', 'with Vietnamese diacritics'],
  'al.noDiacritics': ['không dấu', 'without diacritics'],
  'al.pinFile': ['mã PIN lấy từ tệp', 'PIN from its file'],
  'al.emailLine': ['{host}:{port}, gửi từ {from}, bảo mật {tls}', '{host}:{port}, from {from}, {tls}'],
  'al.user': ['đăng nhập {user}', 'login {user}'],
  'al.pwFile': ['mật khẩu lấy từ tệp', 'password from its file'],
  'al.pwInline': ['mật khẩu ghi thẳng trong tệp cấu hình: nên chuyển sang passwordFile',
    'password written in the config: move it to passwordFile'],
  'al.channelsReadonly': ['Kênh gửi sửa trong tệp cấu hình (khối alerts:) rồi khởi động lại đài.',
    'Change the channels in the config file (the alerts: block) and restart the station.'],
  'al.testHeading': ['Gửi thử', 'Send a test'],
  'al.testHelp': ['Gửi một tin thử trên mọi kênh tới những người nhận hiện tại, như lệnh "loaxa alert test".',
    'Sends a test message on every channel to the current recipients, as "loaxa alert test" does.'],
  'al.test': ['Gửi thử', 'Send a test'],
  'al.testing': ['Đang gửi thử…', 'Sending the test…'],
  'al.testNone': ['Đài chưa cấu hình kênh cảnh báo nào.', 'The station has no alert channel configured.'],
  'al.sent': ['Đã gửi', 'Sent'],
  'al.failed': ['Lỗi', 'Failed'],
  'al.givenUp': ['Lỗi, đã thôi gửi', 'Failed, given up'],
  'al.recipients': ['Người nhận cảnh báo', 'Who is told'],
  'al.fromConfig': ['Đang dùng người nhận và thời gian nhắc lại trong tệp cấu hình. Lưu ở đây để thay thế.',
    'The recipients and repeat come from the config file. Save here to replace them.'],
  'al.fromPage': ['Đã sửa trên trang này bởi {by} lúc {at}; tệp cấu hình vẫn là mặc định.',
    'Changed on this page by {by} at {at}; the config file stays the default.'],
  'al.name': ['Tên', 'Name'],
  'al.phone': ['Số di động (+84… hoặc 0…)', 'Mobile number (+84… or 0…)'],
  'al.mail': ['E-mail', 'E-mail'],
  'al.kinds': ['Báo những sự cố nào', 'Told of'],
  'al.everyKind': ['Mọi loại sự cố', 'Every kind'],
  'al.remove': ['Bỏ người này', 'Remove'],
  'al.add': ['Thêm người nhận', 'Add a recipient'],
  'al.nobody': ['Chưa có ai nhận cảnh báo.', 'Nobody is told yet.'],
  'al.repeat': ['Nhắc lại sự cố chưa khắc phục sau (phút; để trống: không nhắc lại)',
    'Tell an unresolved incident again after (minutes; empty: never)'],
  'al.save': ['Lưu', 'Save'],
  'al.saved': ['Đã lưu. Cảnh báo tiếp theo sẽ gửi theo cài đặt mới.', 'Saved. The next alert follows the new settings.'],
  'al.reset': ['Dùng lại cài đặt trong tệp cấu hình', 'Back to the config file\'s settings'],
  'al.resetDone': ['Đã dùng lại cài đặt trong tệp cấu hình.', 'The config file\'s settings apply again.'],
  'al.conflict': ['Người khác vừa sửa cài đặt cảnh báo. Tải lại trang để xem.',
    'Someone else changed the alert settings meanwhile. Reload the page to see them.'],
  'al.last': ['Cảnh báo đã gửi gần đây', 'Recent alerts'],
  'al.none': ['Chưa gửi cảnh báo nào.', 'No alert sent yet.'],
  'al.when': ['Lúc', 'When'],
  'al.incident': ['Sự cố', 'Incident'],
  'al.channel': ['Kênh', 'Channel'],
  'al.to': ['Gửi tới', 'To'],
  'al.outcome': ['Kết quả', 'Outcome'],
  'al.unreachable': ['Không kết nối được với đài.', 'Cannot reach the station.'],
  'al.ch.sms': ['SMS', 'SMS'],
  'al.ch.email': ['E-mail', 'E-mail'],
});

const $ = (id) => document.getElementById(id);
let state = null;
let rows = [];

/** The id of a field's error line: recipients[1].phone → err-recipients-1-phone. */
const errId = (field) => 'err-' + field.replace(/\[(\d+)\]\./, '-$1-');

function title(o) {
  return lang() === 'en' ? o.titleEn : o.title;
}

function drawChannels(s) {
  const sms = s.channels.sms;
  $('sms').textContent = sms
    ? t('al.smsLine', { port: sms.port, baud: sms.baud }) + ' · ' + t(sms.diacritics ? 'al.diacritics' : 'al.noDiacritics')
      + (sms.pinFile ? ' · ' + t('al.pinFile') : '')
    : t('al.notConfigured');
  const m = s.channels.email;
  $('email').replaceChildren();
  if (m) {
    $('email').append(t('al.emailLine', { host: m.host, port: m.port, from: m.from, tls: m.tls })
      + (m.user ? ' · ' + t('al.user', { user: m.user }) : ''));
    if (m.password === 'file') {
      $('email').append(' · ' + t('al.pwFile'));
    } else if (m.password === 'inline') {
      $('email').append(el('br'), el('span', { class: 'problem', id: 'pw-inline' }, t('al.pwInline')));
    }
  } else {
    $('email').textContent = t('al.notConfigured');
  }
}

/** What the form holds now, as the API takes it. */
function read() {
  return rows.map((r, i) => {
    const box = $('recipient-' + i);
    const every = box.querySelector('input[data-kind="*"]').checked;
    const kinds = every ? [] : [...box.querySelectorAll('input[data-kind]:not([data-kind="*"])')]
      .filter((c) => c.checked).map((c) => c.dataset.kind);
    return {
      name: box.querySelector('[data-field=name]').value,
      phone: box.querySelector('[data-field=phone]').value.trim() || null,
      email: box.querySelector('[data-field=email]').value.trim() || null,
      kinds,
    };
  });
}

function field(i, key, label, value, attrs) {
  const id = 'r' + i + '-' + key;
  return [el('label', { for: id }, t(label)),
    el('input', { id, type: 'text', 'data-field': key, value: value || '', ...attrs }),
    el('p', { id: errId('recipients[' + i + '].' + key), class: 'error', role: 'alert' })];
}

function drawRecipients() {
  const box = $('recipients');
  box.replaceChildren();
  if (!rows.length) {
    box.append(el('p', { class: 'muted', id: 'nobody' }, t('al.nobody')));
  }
  rows.forEach((r, i) => {
    const every = !r.kinds.length;
    const kinds = el('div', { class: 'choices' });
    const all = el('input', { type: 'checkbox', 'data-kind': '*', checked: every });
    kinds.append(el('label', { class: 'choice' }, all, t('al.everyKind')));
    const one = state.kinds.map((k) => {
      const c = el('input', { type: 'checkbox', 'data-kind': k.kind, checked: r.kinds.includes(k.kind), disabled: every });
      kinds.append(el('label', { class: 'choice' }, c, title(k)));
      return c;
    });
    all.addEventListener('change', () => one.forEach((c) => { c.disabled = all.checked; }));
    const remove = el('button', { type: 'button', class: 'secondary', 'data-remove': String(i) }, t('al.remove'));
    remove.addEventListener('click', () => {
      rows = read();
      rows.splice(i, 1);
      drawRecipients();
    });
    box.append(el('fieldset', { id: 'recipient-' + i, 'data-recipient': String(i) },
      el('legend', {}, r.name || t('al.recipients')),
      ...field(i, 'name', 'al.name', r.name, { autocomplete: 'off' }),
      ...field(i, 'phone', 'al.phone', r.phone, { inputmode: 'tel', autocomplete: 'off' }),
      ...field(i, 'email', 'al.mail', r.email, { inputmode: 'email', autocapitalize: 'none', spellcheck: 'false' }),
      el('p', { class: 'legend' }, el('b', {}, t('al.kinds'))), kinds,
      el('p', { id: errId('recipients[' + i + '].kinds'), class: 'error', role: 'alert' }),
      el('div', { class: 'actions' }, remove)));
  });
}

function outcomeWord(o) {
  return t(o === 'sent' ? 'al.sent' : (o === 'given-up' ? 'al.givenUp' : 'al.failed'));
}

function drawLast(s) {
  $('no-alerts').hidden = s.lastAlerts.length > 0;
  $('last').replaceChildren(...s.lastAlerts.map((a) => el('tr', { 'data-outcome': a.outcome, 'data-channel': a.channel },
    el('td', { 'data-label': t('al.when') }, a.atLocal),
    el('td', { 'data-label': t('al.incident') }, el('b', {}, title(a)), ' — ', a.subject),
    el('td', { 'data-label': t('al.channel') }, t('al.ch.' + a.channel)),
    el('td', { 'data-label': t('al.to') }, a.recipient),
    el('td', { 'data-label': t('al.outcome'), class: a.outcome === 'sent' ? 'ok' : 'problem' }, outcomeWord(a.outcome),
      a.detail ? el('small', { class: 'muted' }, ' ' + a.detail) : ''))));
}

function draw(s, keepForm) {
  state = s;
  drawChannels(s);
  $('source').textContent = s.source === 'page'
    ? t('al.fromPage', { by: s.changedBy, at: s.changedAtLocal }) : t('al.fromConfig');
  $('source').dataset.source = s.source;
  $('reset').hidden = s.source !== 'page';
  if (!keepForm) {
    rows = s.recipients.map((r) => ({ ...r }));
    $('repeat').value = s.repeatMinutes === null ? '' : String(s.repeatMinutes);
  }
  drawRecipients();
  drawLast(s);
  ['channels-card', 'test-card', 'settings-card', 'last-card'].forEach((id) => { $(id).hidden = false; });
}

function clearErrors() {
  document.querySelectorAll('#settings .error').forEach((e) => { e.textContent = ''; });
  $('done').hidden = true;
}

function refusal(r) {
  if (r.status === 409) {
    $('form-error').textContent = t('al.conflict');
    return;
  }
  const message = r.status === 0 ? t('al.unreachable') : (r.data ? said(r.data.error) : String(r.status));
  const target = r.data && r.data.field ? ($(errId(r.data.field)) || $(r.data.field + '-error')) : null;
  (target || $('form-error')).textContent = message;
  if (target) {
    const input = target.previousElementSibling;
    if (input && input.focus) input.focus();
  }
}

async function load() {
  const r = await api('GET', '/api/alerts');
  if (r.status === 403) {
    $('refused').hidden = false;
    return;
  }
  if (!r.ok) {
    $('page-error').textContent = r.status === 0 ? t('al.unreachable') : (r.data ? said(r.data.error) : String(r.status));
    return;
  }
  $('page-error').textContent = '';
  draw(r.data, false);
}

const who = await session();
header(who, 'alerts');
translate();
onLanguage(() => {
  if (state) {
    rows = read();
    draw(state, true);
  }
});
await load();

$('add').addEventListener('click', () => {
  rows = read();
  rows.push({ name: '', phone: null, email: null, kinds: [] });
  drawRecipients();
  $('r' + (rows.length - 1) + '-name').focus();
});

$('settings').addEventListener('submit', async (e) => {
  e.preventDefault();
  clearErrors();
  rows = read();
  const repeat = $('repeat').value.trim();
  const r = await api('PUT', '/api/alerts', {
    version: state.version, recipients: rows, repeatMinutes: repeat === '' ? null : repeat,
  });
  if (!r.ok) {
    refusal(r);
    return;
  }
  draw(r.data, false);
  $('done').textContent = t('al.saved');
  $('done').hidden = false;
});

$('reset').addEventListener('click', async () => {
  clearErrors();
  const r = await api('DELETE', '/api/alerts');
  if (!r.ok) {
    refusal(r);
    return;
  }
  draw(r.data, false);
  $('done').textContent = t('al.resetDone');
  $('done').hidden = false;
});

$('test').addEventListener('click', async () => {
  $('test').disabled = true;
  $('test-busy').hidden = false;
  $('test-results').replaceChildren();
  const r = await api('POST', '/api/alerts/test', {});
  $('test').disabled = false;
  $('test-busy').hidden = true;
  if (!r.ok) {
    $('test-results').append(el('li', { class: 'problem' }, r.status === 0 ? t('al.unreachable')
      : (r.data ? said(r.data.error) : String(r.status))));
    return;
  }
  if (!r.data.channels.length) {
    $('test-results').append(el('li', { class: 'muted' }, t('al.testNone')));
  }
  $('test-results').append(...r.data.channels.map((c) => el('li', { 'data-channel': c.channel, 'data-sent': String(c.sent) },
    el('b', {}, t('al.ch.' + c.channel)), ' — ',
    el('span', { class: c.sent ? 'ok' : 'problem' }, t(c.sent ? 'al.sent' : 'al.failed')), el('br'),
    el('small', {}, c.what))));
});
