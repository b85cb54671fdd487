import { approvalOn, api, canOperate, clock, el, header, live, onLanguage, session, stateWord, t, translate } from '/ui/common.js';

const $ = (id) => document.getElementById(id);
const FIELDS = ['zones', 'text', 'recording', 'every', 'count', 'until'];
let choices = { zones: [], groups: [], recordings: [] };
let request = null;
let sent = null; // {rule, key, airings}
let seenOnAir = false;
let cancelled = false;
let lastStatus = null;

function value(name) {
  const checked = document.querySelector(`input[name="${name}"]:checked`);
  return checked ? checked.value : '';
}

function clearErrors() {
  FIELDS.forEach((f) => { $(f + '-error').textContent = ''; });
  $('form-error').textContent = '';
  $('send-error').textContent = '';
}

function showError(field, message) {
  const target = $(field + '-error') || $('form-error');
  target.textContent = message;
}

function showStep(step) {
  $('compose').hidden = step !== 'compose';
  $('confirm').hidden = step !== 'confirm';
  $('watch').hidden = step !== 'watch';
  window.scrollTo(0, 0);
}

function choose() {
  const scope = value('scope');
  $('groups').hidden = scope !== 'groups';
  $('zones').hidden = scope !== 'list';
  const kind = value('kind');
  $('text-box').hidden = kind !== 'text';
  $('recording-box').hidden = kind !== 'recording';
  $('repeat-box').hidden = !$('repeat').checked;
  $('count').hidden = value('end') !== 'count';
  $('until').hidden = value('end') !== 'until';
}

function drawChoices() {
  $('zones').replaceChildren(...choices.zones.map((z) => el('label', { class: 'choice' },
    el('input', { type: 'checkbox', name: 'zone', value: z.key, id: 'zone-' + z.key }), ' ', z.name)));
  $('groups').replaceChildren(...choices.groups.map((g) => el('label', { class: 'choice' },
    el('input', { type: 'checkbox', name: 'group', value: g.key, id: 'group-' + g.key }), ' ',
    g.key + ' (' + g.zones.map((k) => nameOf(k)).join(', ') + ')')));
  $('scope-groups-label').hidden = choices.groups.length === 0;
  $('recording').replaceChildren(...choices.recordings.map((r) => el('option', { value: r }, r)));
  $('kind-recording').disabled = choices.recordings.length === 0;
  $('no-recordings').hidden = choices.recordings.length > 0;
}

function nameOf(key) {
  const z = choices.zones.find((x) => x.key === key);
  return z ? z.name : key;
}

/** The hamlets chosen, as zone keys; null for every hamlet. */
function chosenZones() {
  const scope = value('scope');
  if (scope === 'all') {
    return null;
  }
  if (scope === 'groups') {
    const keys = new Set();
    document.querySelectorAll('input[name="group"]:checked').forEach((g) => {
      choices.groups.find((x) => x.key === g.value).zones.forEach((k) => keys.add(k));
    });
    return [...keys].sort();
  }
  return [...document.querySelectorAll('input[name="zone"]:checked')].map((z) => z.value);
}

/** The request as the API takes it, or null after showing what is missing at its field. */
function read() {
  clearErrors();
  const zones = chosenZones();
  const body = {};
  if (zones !== null && zones.length === 0) {
    showError('zones', t(value('scope') === 'groups' ? 'em.needGroup' : 'em.needZones'));
    return null;
  }
  body.zones = zones === null ? 'all' : zones.join(',');
  if (value('kind') === 'text') {
    if (!$('text').value.trim()) {
      showError('text', t('em.needText'));
      $('text').focus();
      return null;
    }
    body.text = $('text').value.trim();
  } else {
    if (!$('recording').value) {
      showError('recording', t('em.needRecording'));
      return null;
    }
    body.recording = $('recording').value;
  }
  if ($('repeat').checked) {
    const every = $('every').value.trim();
    if (!/^\d+$/.test(every) || Number(every) < 1) {
      showError('every', t('em.needEvery'));
      $('every').focus();
      return null;
    }
    body.every = every;
    if (value('end') === 'count') {
      const count = $('count').value.trim();
      if (!/^\d+$/.test(count) || Number(count) < 1 || Number(count) > 200) {
        showError('count', t('em.needCount'));
        $('count').focus();
        return null;
      }
      body.count = count;
    } else {
      if (!$('until').value) {
        showError('until', t('em.needUntil'));
        $('until').focus();
        return null;
      }
      body.until = $('until').value.slice(0, 5);
    }
  }
  return body;
}

function summary() {
  const zones = request.zones === 'all' ? t('zones.all') : request.zones.split(',').map(nameOf).join(', ');
  $('sum-where').textContent = zones;
  $('sum-what').textContent = request.text !== undefined ? request.text : '♪ ' + request.recording;
  let repeat = t('em.once');
  if (request.every) {
    repeat = t('em.everyN', { n: request.every })
      + (request.count ? t('em.times', { n: request.count }) : t('em.untilT', { t: request.until }));
  }
  $('sum-repeat').textContent = repeat;
}

async function send() {
  $('send').disabled = true;
  const r = await api('POST', '/api/emergency', request);
  $('send').disabled = false;
  if (!r.ok) {
    const message = r.data ? r.data.error : t('login.unreachable');
    const field = r.data && r.data.field;
    if (field && $(field + '-error')) {
      showStep('compose');
      showError(field, message);
    } else {
      $('send-error').textContent = message;
    }
    return;
  }
  sent = r.data;
  seenOnAir = false;
  cancelled = false;
  $('watch-airings').textContent = String(sent.airings);
  $('cancel').hidden = false;
  $('another').hidden = true;
  showStep('watch');
  drawWatch();
}

function drawWatch() {
  if (!sent) {
    return;
  }
  const s = lastStatus;
  const air = s && s.onAir && s.onAir.key === sent.key ? s.onAir : null;
  if (air) {
    seenOnAir = true;
  }
  const state = $('watch-state');
  if (cancelled) {
    state.textContent = t('em.cancelled');
    state.className = 'status-big';
  } else if (air) {
    state.textContent = t('em.onAir') + ' · ' + air.title;
    state.className = 'status-big on';
  } else if (seenOnAir) {
    state.textContent = t('em.ended');
    state.className = 'status-big';
  } else {
    state.textContent = t('em.preparing');
    state.className = 'status-big';
  }
  state.dataset.state = cancelled ? 'cancelled' : air ? 'on-air' : seenOnAir ? 'ended' : 'preparing';
  $('watch-elapsed').textContent = air && air.elapsedSeconds !== undefined ? clock(air.elapsedSeconds) : '—';
  if (s) {
    const wanted = request.zones === 'all' ? null : request.zones.split(',');
    const zones = s.zones.filter((z) => wanted === null || wanted.includes(z.key));
    $('watch-zones').replaceChildren(...zones.map((z) => el('li', { class: 'state-' + z.state, 'data-zone': z.key,
      'data-state': z.state }, el('span', { class: 'name' }, z.name), el('span', { class: 'state' }, stateWord(z.state)))));
  }
}

async function cancel() {
  $('cancel').disabled = true;
  $('cancel-error').textContent = '';
  const r = await api('POST', '/api/air/cancel', { rule: sent.rule });
  $('cancel').disabled = false;
  if (!r.ok) {
    $('cancel-error').textContent = r.data ? r.data.error : t('login.unreachable');
    return;
  }
  cancelled = true;
  $('cancel').hidden = true;
  $('another').hidden = false;
  drawWatch();
}

const who = await session();
header(who, 'emergency');
translate();
if (!canOperate(who)) {
  $('refused').hidden = false;
} else {
  // told, not waited for: the form comes first
  approvalOn().then((on) => { $('approval-state').hidden = !on; });
  const r = await api('GET', '/api/emergency/choices');
  if (r.status === 403) {
    $('refused').hidden = false;
  } else if (r.ok) {
    choices = r.data;
    drawChoices();
    $('compose').hidden = false;
    choose();
    $('compose').addEventListener('change', choose);
    $('compose').addEventListener('submit', (e) => {
      e.preventDefault();
      const body = read();
      if (body) {
        request = body;
        summary();
        showStep('confirm');
      }
    });
    $('edit').addEventListener('click', () => showStep('compose'));
    $('send').addEventListener('click', send);
    $('cancel').addEventListener('click', cancel);
    live((s) => {
      lastStatus = s;
      drawWatch();
    });
  } else {
    $('form-error').textContent = r.data ? r.data.error : t('login.unreachable');
  }
}
onLanguage(() => {
  if (request) {
    summary();
  }
  drawWatch();
});
