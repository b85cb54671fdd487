import { api, header, t, translate } from '/ui/common.js';

const form = document.getElementById('login');
const name = document.getElementById('name');
const password = document.getElementById('password');
const errors = {
  name: document.getElementById('name-error'),
  password: document.getElementById('password-error'),
  form: document.getElementById('form-error'),
};

function clear() {
  Object.values(errors).forEach((e) => { e.textContent = ''; });
}

/** Where to go after login: a page of this station only. */
function next() {
  const n = new URLSearchParams(location.search).get('next') || '/';
  return n.startsWith('/') && !n.startsWith('//') ? n : '/';
}

header(null, 'login');
translate();
name.focus();

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  clear();
  if (!name.value.trim()) {
    errors.name.textContent = t('login.needName');
    name.focus();
    return;
  }
  if (!password.value) {
    errors.password.textContent = t('login.needPassword');
    password.focus();
    return;
  }
  const r = await api('POST', '/api/login', { name: name.value.trim(), password: password.value });
  if (r.ok) {
    location.replace(next());
    return;
  }
  if (r.status === 0) {
    errors.form.textContent = t('login.unreachable');
  } else if (r.status === 429) {
    errors.form.textContent = t('login.locked');
    errors.form.dataset.api = r.data ? r.data.error : '';
  } else {
    const field = r.data && errors[r.data.field] ? r.data.field : 'password';
    errors[field].textContent = r.data ? r.data.error : String(r.status);
    password.value = '';
    password.focus();
  }
});
