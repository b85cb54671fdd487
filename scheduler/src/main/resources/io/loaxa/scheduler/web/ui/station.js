// The station page: hamlets and their lines, hamlet groups, every relay board with each channel's
// line and state as the board reports it, the amplifier, the sound card and the speech engine.
// Read again every few seconds while the page is open.
import { addWords, api, el, header, lang, onLanguage, said, session, stateWord, t, translate } from '/ui/common.js';

addWords({
  'st.heading': ['Thiết bị đài', 'The station'],
  'st.zones': ['Các ấp và loa', 'Hamlets and their lines'],
  'st.zone': ['Ấp', 'Hamlet'],
  'st.key': ['Mã', 'Key'],
  'st.board': ['Bo rơ-le', 'Relay board'],
  'st.channel': ['Kênh', 'Channel'],
  'st.state': ['Trạng thái', 'State'],
  'st.groups': ['Cụm ấp', 'Hamlet groups'],
  'st.noGroups': ['Trạm chưa có cụm ấp nào.', 'The station has no hamlet groups.'],
  'st.devices': ['Âm thanh và giọng đọc', 'Sound and speech'],
  'st.approval': ['Duyệt tin trước khi phát', 'Approval before airing'],
  'st.approvalOn': ['Bật: bản tin của cán bộ chờ người duyệt', 'On: an operator\'s content waits for an approver'],
  'st.approvalOff': ['Tắt', 'Off'],
  'st.boards': ['Bo rơ-le', 'Relay boards'],
  'st.online': ['Đang kết nối', 'Answering'],
  'st.offline': ['Mất kết nối', 'Not answering'],
  'st.channels': ['{n} kênh', '{n} channels'],
  'st.spare': ['Kênh trống', 'Spare'],
  'st.inverted': ['đấu ngược', 'inverted'],
  'st.noAmplifier': ['Không dùng rơ-le tăng âm', 'No amplifier relay'],
  'st.warmUp': ['khởi động {n} giây', 'warms up {n} s'],
  'st.unreachable': ['Không kết nối được với đài.', 'Cannot reach the station.'],
});

const $ = (id) => document.getElementById(id);
let last = null;

function health(h, what) {
  return [el('b', {}, what), ' — ', h.ok ? el('span', { class: 'ok' }, t('health.ok')) : el('span', { class: 'problem' }, said(h.problem))];
}

function draw(s) {
  last = s;
  const name = (key) => (s.zones.find((z) => z.key === key) || { name: key }).name;
  $('zones').replaceChildren(...s.zones.map((z) => el('tr', { 'data-zone': z.key, 'data-state': z.state },
    el('td', { 'data-label': t('st.zone') }, el('b', {}, z.name)),
    el('td', { 'data-label': t('st.key') }, z.key),
    el('td', { 'data-label': t('st.board') }, z.board),
    el('td', { 'data-label': t('st.channel') }, String(z.channel) + (z.inverted ? ' (' + t('st.inverted') + ')' : '')),
    el('td', { 'data-label': t('st.state'), class: 'state state-' + z.state }, stateWord(z.state),
      z.problem ? el('small', { class: 'problem' }, ' ' + z.problem) : ''))));
  $('groups').replaceChildren(...(s.groups.length ? s.groups.map((g) => el('li', { 'data-group': g.key },
    el('b', {}, g.key), ': ', g.zones.map(name).join(', '))) : [el('li', { class: 'muted' }, t('st.noGroups'))]));
  $('sound').replaceChildren(...health(s.sound, s.sound.output));
  $('speech').replaceChildren(...health(s.speech, s.speech.engine + (s.speech.voice ? ' (' + s.speech.voice + ')' : '')));
  $('amplifier').textContent = s.amplifier
    ? s.amplifier.board + ' · ' + t('st.channel').toLowerCase() + ' ' + s.amplifier.channel + ' · '
      + t('st.warmUp', { n: s.amplifier.warmUpSeconds }) + ' · ' + stateWord(s.amplifier.state)
    : t('st.noAmplifier');
  $('approval').textContent = s.approval ? t('st.approvalOn') : t('st.approvalOff');
  $('approval').dataset.approval = s.approval ? 'on' : 'off';
  $('boards').replaceChildren(...s.boards.map((b) => el('section', { class: 'board', 'data-board': b.key, 'data-ok': String(b.ok) },
    el('h3', { class: 'board-head' }, el('span', {}, b.key),
      el('small', { class: 'muted' }, b.driver + (b.port ? ' · ' + b.port : '') + ' · ' + t('st.channels', { n: b.channels })),
      b.ok ? el('span', { class: 'ok' }, t('st.online')) : el('span', { class: 'problem' }, t('st.offline'))),
    b.problem ? el('p', { class: 'problem' }, said(b.problem)) : '',
    el('ul', { class: 'plain lines' }, ...b.lines.map((l) => el('li', {
      class: 'line-' + l.line + (l.state ? ' state-' + l.state : ''), 'data-channel': String(l.channel), 'data-line': l.line,
      'data-state': l.state || '',
    }, el('b', {}, t('st.channel') + ' ' + l.channel), el('br'),
    l.line === 'spare' ? t('st.spare') : (l.line === 'amplifier' ? t('zones.amplifier') : (l.name || l.zone)),
    ...(l.state ? [el('br'), el('span', { class: 'state' }, stateWord(l.state))] : [])))))));
  ['zones-card', 'groups-card', 'devices-card', 'boards-card'].forEach((id) => { $(id).hidden = false; });
  $('updated').textContent = new Date().toLocaleTimeString(lang() === 'en' ? 'en-GB' : 'vi-VN');
}

async function load() {
  const r = await api('GET', '/api/station');
  if (r.ok) {
    $('page-error').textContent = '';
    draw(r.data);
  } else {
    $('page-error').textContent = r.status === 0 ? t('st.unreachable') : (r.data ? said(r.data.error) : String(r.status));
  }
}

const who = await session();
header(who, 'station');
translate();
onLanguage(() => { if (last) draw(last); });
await load();
setInterval(load, 5000);
