import { approvalOn, api, clock, csrfToken, el, header, lang, onLanguage, said, session, t, translate } from '/ui/common.js';

// The content page: recordings (upload from the phone, listen, delete when unused), speech texts
// (write, see the words as they will be spoken, hear them, save) and approval where the station has it.

const $ = (id) => document.getElementById(id);
const TEXTS = 'texts/';
let me = null;
let items = [];

const operates = () => me && (me.role === 'admin' || me.role === 'operator');
const approves = () => me && (me.role === 'admin' || me.role === 'approver');

/** The API's refusal in the chosen language; a lost daemon said as such. */
function refusal(r) {
  if (r.status === 0) {
    return t('ct.unreachable');
  }
  return r.data && r.data.error ? said(r.data.error) : t('ct.failed', { n: r.status });
}

function done(key, name) {
  $('done').textContent = t(key, { n: name });
  $('done').hidden = false;
}

/** The state word of an item, shown only where approval matters: waiting, refused, or decided by someone. */
function approvalLine(item) {
  if (item.approval === 'approved' && !item.decidedBy) {
    return null;
  }
  let s = t('ap.' + item.approval);
  if (item.decidedBy) {
    s += ' · ' + item.decidedBy;
  }
  if (item.reason) {
    s += ': ' + item.reason;
  }
  return el('span', { class: 'approval ap-' + item.approval, 'data-approval': item.approval }, s);
}

/** Approve and reject (with its reason) for a pending or refused item, for those who approve. */
function decision(item, route) {
  if (!approves() || item.approval === 'approved') {
    return [];
  }
  const box = el('div', { class: 'decide' });
  const reason = el('input', { type: 'text', class: 'reason', 'aria-label': t('ct.reason'), placeholder: t('ct.reason') });
  const error = el('p', { class: 'error', role: 'alert' });
  const approve = el('button', { type: 'button', class: 'approve' }, t('ct.approve'));
  const reject = el('button', { type: 'button', class: 'secondary reject' }, t('ct.reject'));
  approve.addEventListener('click', async () => {
    const r = await api('POST', route + '/approve');
    if (!r.ok) {
      error.textContent = refusal(r);
      return;
    }
    done('ct.approved', item.name);
    await load();
  });
  reject.addEventListener('click', async () => {
    if (!reason.value.trim()) {
      error.textContent = t('ct.needReason');
      reason.focus();
      return;
    }
    const r = await api('POST', route + '/reject', { reason: reason.value.trim() });
    if (!r.ok) {
      error.textContent = refusal(r);
      return;
    }
    done('ct.rejected', item.name);
    await load();
  });
  if (item.approval === 'pending') {
    box.append(reason, el('div', { class: 'actions' }, approve, reject), error);
  } else {
    box.append(el('div', { class: 'actions' }, approve), error);
  }
  return [box];
}

/** A delete button that asks for a second tap, and says why the station refuses (in use by the schedule). */
function deleteButton(item) {
  const b = el('button', { type: 'button', class: 'secondary delete', 'data-name': item.name }, t('ct.delete'));
  b.addEventListener('click', async () => {
    if (b.dataset.armed !== 'yes') {
      b.dataset.armed = 'yes';
      b.textContent = t('ct.confirmDelete');
      b.className = 'danger delete';
      return;
    }
    const r = await api('DELETE', '/api/content/' + encodeURIComponent(item.name));
    if (!r.ok) {
      $('list-error').textContent = refusal(r);
      b.dataset.armed = '';
      b.textContent = t('ct.delete');
      b.className = 'secondary delete';
      return;
    }
    done('ct.deleted', item.name);
    await load();
  });
  return b;
}

function lufs(v) {
  return v === null || v === undefined ? t('ct.noLoudness') : v.toLocaleString(lang() === 'en' ? 'en' : 'vi', { maximumFractionDigits: 1 }) + ' LUFS';
}

function drawRecordings() {
  const recs = items.filter((i) => !i.name.startsWith(TEXTS));
  $('recordings-none').hidden = recs.length > 0;
  $('recordings').replaceChildren(...recs.map((item) => {
    const listen = el('button', { type: 'button', class: 'secondary play' }, t('ct.play'));
    const player = el('div', { class: 'player' });
    listen.addEventListener('click', () => {
      const audio = el('audio', { controls: true, preload: 'auto', src: '/api/content/' + encodeURIComponent(item.name) });
      player.replaceChildren(audio);
      listen.hidden = true;
      audio.play().catch(() => {});
    });
    const acts = el('div', { class: 'actions' }, listen);
    if (operates()) {
      acts.append(deleteButton(item));
    }
    const facts = el('div', { class: 'figures' },
      el('span', {}, t('ct.length') + ': ', el('b', { class: 'length' }, clock(item.lengthSeconds))),
      el('span', {}, t('ct.loudness') + ': ', el('b', {}, lufs(item.loudnessLufs))),
      el('span', {}, t('ct.by') + ': ', el('b', {}, item.uploadedBy)));
    const state = approvalLine(item);
    return el('li', { 'data-name': item.name },
      el('div', { class: 'name' }, item.name), facts, ...(state ? [state] : []), player, acts,
      ...decision(item, '/api/content/' + encodeURIComponent(item.name)));
  }));
}

function drawTexts() {
  const texts = items.filter((i) => i.name.startsWith(TEXTS));
  $('texts-none').hidden = texts.length > 0;
  $('texts').replaceChildren(...texts.map((item) => {
    const short = item.name.slice(TEXTS.length).replace(/\.txt$/, '');
    const open = el('button', { type: 'button', class: 'secondary open' }, operates() ? t('ct.edit') : t('ct.read'));
    const body = el('p', { class: 'spoken', hidden: true });
    open.addEventListener('click', async () => {
      const r = await api('GET', '/api/content/texts/' + encodeURIComponent(short));
      if (!r.ok) {
        $('text-error').textContent = refusal(r);
        return;
      }
      if (operates()) {
        $('text-name').value = short;
        $('text-body').value = r.data.text;
        $('text-body').focus();
      } else {
        body.textContent = r.data.text;
        body.hidden = false;
      }
    });
    const state = approvalLine(item);
    return el('li', { 'data-name': item.name },
      el('div', { class: 'name' }, short), el('small', { class: 'when' }, t('ct.by') + ': ' + item.uploadedBy),
      ...(state ? [state] : []), body, el('div', { class: 'actions' }, open),
      ...decision(item, '/api/content/texts/' + encodeURIComponent(short)));
  }));
}

function draw() {
  drawRecordings();
  drawTexts();
}

async function load() {
  const r = await api('GET', '/api/content');
  if (!r.ok) {
    $('list-error').textContent = refusal(r);
    return;
  }
  $('list-error').textContent = '';
  items = r.data;
  draw();
}

/** Sends the chosen file as a form, the way a phone's browser uploads; the server judges it by its bytes. */
async function upload(e) {
  e.preventDefault();
  $('upload-error').textContent = '';
  const file = $('file').files[0];
  if (!file) {
    $('upload-error').textContent = t('ct.needFile');
    return;
  }
  const name = $('upload-name').value.trim() || file.name;
  const form = new FormData();
  form.append('file', file, name);
  $('send').disabled = true;
  let r;
  try {
    const res = await fetch('/api/content?name=' + encodeURIComponent(name), {
      method: 'POST', body: form, credentials: 'same-origin', cache: 'no-store',
      headers: { 'Accept': 'application/json', 'Accept-Language': lang(), 'X-CSRF-Token': csrfToken() },
    });
    let data = null;
    try {
      data = await res.json();
    } catch (x) {
      data = null;
    }
    r = { ok: res.ok, status: res.status, data };
  } catch (x) {
    r = { ok: false, status: 0, data: null };
  } finally {
    $('send').disabled = false;
  }
  if (!r.ok) {
    $('upload-error').textContent = r.status === 413 && !(r.data && r.data.error) ? t('ct.tooBig') : refusal(r);
    return;
  }
  $('file').value = '';
  $('upload-name').value = '';
  done(r.data.approval === 'pending' ? 'ct.uploadedPending' : 'ct.uploaded', r.data.name);
  await load();
}

function textError(msg) {
  $('text-error').textContent = msg;
}

function spokenText() {
  const text = $('text-body').value;
  if (!text.trim()) {
    textError(t('ct.needText'));
    return null;
  }
  return text;
}

async function preview() {
  textError('');
  const text = spokenText();
  if (text === null) {
    return;
  }
  const r = await api('POST', '/api/speech/preview', { text });
  if (!r.ok) {
    textError(refusal(r));
    return;
  }
  $('spoken').textContent = r.data.text;
  $('spoken-box').hidden = false;
}

let audioUrl = null;

async function listen() {
  textError('');
  const text = spokenText();
  if (text === null) {
    return;
  }
  $('listen').disabled = true;
  try {
    const res = await fetch('/api/speech/preview?format=wav', {
      method: 'POST', credentials: 'same-origin', cache: 'no-store', body: JSON.stringify({ text }),
      headers: { 'Content-Type': 'application/json', 'Accept-Language': lang(), 'X-CSRF-Token': csrfToken() },
    });
    if (!res.ok) {
      let data = null;
      try {
        data = await res.json();
      } catch (x) {
        data = null;
      }
      textError(refusal({ status: res.status, data }));
      return;
    }
    const wav = await res.blob();
    if (audioUrl) {
      URL.revokeObjectURL(audioUrl);
    }
    audioUrl = URL.createObjectURL(wav);
    const audio = $('text-audio');
    audio.dataset.type = res.headers.get('Content-Type') || '';
    audio.dataset.bytes = String(wav.size);
    audio.src = audioUrl;
    audio.hidden = false;
    audio.play().catch(() => {});
  } catch (x) {
    textError(t('ct.unreachable'));
  } finally {
    $('listen').disabled = false;
  }
}

async function save(e) {
  e.preventDefault();
  textError('');
  const name = $('text-name').value.trim();
  if (!name) {
    textError(t('ct.needTextName'));
    $('text-name').focus();
    return;
  }
  const text = spokenText();
  if (text === null) {
    return;
  }
  const r = await api('PUT', '/api/content/texts/' + encodeURIComponent(name), { text });
  if (!r.ok) {
    textError(refusal(r));
    return;
  }
  done(r.data.approval === 'pending' ? 'ct.savedPending' : 'ct.saved', name);
  await load();
}

me = await session();
header(me, 'content');
translate();
const approval = await approvalOn();
const approvalState = () => {
  $('approval-state').textContent = t(approval ? 'ct.approvalOn' : 'ct.approvalOff');
  $('approval-state').dataset.approval = approval ? 'on' : 'off';
  $('approval-state').hidden = false;
};
approvalState();
onLanguage(approvalState);
onLanguage(draw);
if (operates()) {
  $('upload-card').hidden = false;
  $('text-form').hidden = false;
  $('upload').addEventListener('submit', upload);
  $('text-form').addEventListener('submit', save);
  $('preview').addEventListener('click', preview);
  $('listen').addEventListener('click', listen);
}
await load();
