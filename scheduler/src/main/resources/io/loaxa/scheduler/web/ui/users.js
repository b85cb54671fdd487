import { api, el, header, onLanguage, session, t, translate } from '/ui/common.js';

const $ = (id) => document.getElementById(id);
let users = [];
let me = null;

function clear() {
  ['name', 'role', 'password', 'form'].forEach((f) => { $(f + '-error').textContent = ''; });
}

function done(key, name) {
  $('done').textContent = t(key, { n: name });
  $('done').hidden = false;
}

function draw() {
  $('users').replaceChildren(...users.map((u) => {
    const remove = el('button', { type: 'button', class: 'secondary', 'data-user': u.name }, t('users.remove'));
    remove.disabled = u.name === me.name;
    remove.addEventListener('click', async () => {
      if (remove.dataset.armed !== 'yes') {
        remove.dataset.armed = 'yes';
        remove.textContent = t('users.confirmRemove');
        remove.className = 'danger';
        return;
      }
      const r = await api('DELETE', '/api/users/' + encodeURIComponent(u.name));
      if (!r.ok) {
        $('form-error').textContent = r.data ? r.data.error : String(r.status);
        return;
      }
      done('users.removed', u.name);
      await load();
    });
    return el('tr', { 'data-user': u.name }, el('td', {}, u.name), el('td', {}, t('role.' + u.role)), el('td', { class: 'act' }, remove));
  }));
}

async function load() {
  const r = await api('GET', '/api/users');
  if (r.status === 403) {
    $('refused').hidden = false;
    return;
  }
  if (r.ok) {
    users = r.data;
    $('list-card').hidden = false;
    $('add-card').hidden = false;
    draw();
  }
}

me = await session();
header(me, 'users');
translate();
onLanguage(draw);
await load();
$('add').addEventListener('submit', async (e) => {
  e.preventDefault();
  clear();
  const name = $('name').value.trim();
  const r = await api('POST', '/api/users', { name, role: $('role').value, password: $('password').value });
  if (!r.ok) {
    const field = r.data && r.data.field && $(r.data.field + '-error') ? r.data.field : 'form';
    $(field + '-error').textContent = r.data ? r.data.error : String(r.status);
    return;
  }
  $('name').value = '';
  $('password').value = '';
  done('users.added', name);
  await load();
});
