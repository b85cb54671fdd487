// What every page shares: the two languages, the API with the session's CSRF token, the header
// (emergency one tap away, language switch, logout) and the live status feed from /api/events.

const WORDS = {
  'app.title': ['Đài truyền thanh', 'Radio station'],
  'nav.onair': ['Đang phát', 'On air now'],
  'nav.emergency': ['KHẨN CẤP', 'EMERGENCY'],
  'nav.users': ['Người dùng', 'Users'],
  'nav.log': ['Nhật ký, báo cáo', 'Log and reports'],
  'nav.week': ['Lịch phát', 'Week'],
  'nav.station': ['Thiết bị đài', 'Station'],
  'nav.audit': ['Nhật ký thao tác', 'Audit log'],
  'nav.alerts': ['Cảnh báo', 'Alerts'],
  'nav.hub': ['Tin từ tỉnh', 'From the province'],
  'nav.logout': ['Đăng xuất', 'Log out'],
  'lang.switch': ['English', 'Tiếng Việt'],
  'lost': ['Mất kết nối với đài… đang thử kết nối lại.', 'Lost the connection to the station… reconnecting.'],
  'back': ['Đã kết nối lại với đài.', 'Connected to the station again.'],
  'login.heading': ['Đăng nhập', 'Log in'],
  'login.name': ['Tên đăng nhập', 'User name'],
  'login.password': ['Mật khẩu', 'Password'],
  'login.submit': ['Đăng nhập', 'Log in'],
  'login.needName': ['Nhập tên đăng nhập.', 'Enter your user name.'],
  'login.needPassword': ['Nhập mật khẩu.', 'Enter your password.'],
  'login.locked': ['Tài khoản tạm khóa vì nhập sai nhiều lần. Chờ 15 phút rồi thử lại.',
    'Too many failed logins: locked. Wait 15 minutes and try again.'],
  'login.unreachable': ['Không kết nối được với đài.', 'Cannot reach the station.'],
  'onair.heading': ['Đang phát', 'On air now'],
  'onair.nothing': ['Không phát chương trình nào.', 'Nothing is on air.'],
  'onair.elapsed': ['Đã phát', 'Elapsed'],
  'onair.remaining': ['Còn lại', 'Remaining'],
  'onair.unknownLength': ['chưa biết', 'not known'],
  'onair.atMost': ['tối đa', 'at most'],
  'onair.noLevel': ['Đài chưa đo được độ to của chương trình đang phát để hiện ở đây.',
    'The station does not measure the playing programme\'s level for this page yet.'],
  'onair.zones': ['Phát tới', 'To'],
  'zones.heading': ['Loa các ấp', 'Hamlet lines'],
  'zones.amplifier': ['Tăng âm', 'Amplifier'],
  'state.on': ['Đang bật', 'On'],
  'state.off': ['Tắt', 'Off'],
  'state.unknown': ['Không rõ', 'Unknown'],
  'state.offline': ['Bo mất kết nối', 'Board offline'],
  'next.heading': ['Sắp phát', 'Next airings'],
  'next.none': ['Không có lượt phát nào trong 48 giờ tới.', 'Nothing planned in the next 48 hours.'],
  'failures.heading': ['Sự cố gần đây', 'Recent failures'],
  'failures.none': ['Không có sự cố trong 24 giờ qua.', 'No failures in the last 24 hours.'],
  'health.heading': ['Thiết bị', 'Devices'],
  'health.ok': ['Bình thường', 'OK'],
  'health.board': ['Bo rơ-le', 'Relay board'],
  'health.sound': ['Card âm thanh', 'Sound card'],
  'health.speech': ['Giọng đọc', 'Speech engine'],
  'health.clock': ['Đồng hồ', 'Clock'],
  'health.scheduler': ['Bộ lập lịch', 'Scheduler'],
  'updated': ['Cập nhật lúc', 'Updated at'],
  'outcome.FAILED': ['Lỗi', 'Failed'],
  'outcome.PARTIAL': ['Một phần', 'Partial'],
  'outcome.MISSED': ['Bị lỡ', 'Missed'],
  'outcome.INTERRUPTED': ['Bị ngắt', 'Interrupted'],
  'zones.all': ['Tất cả các ấp', 'Every hamlet'],
  'em.heading': ['Bản tin khẩn cấp', 'Emergency announcement'],
  'em.refused': ['Tài khoản của bạn không được gửi bản tin khẩn.', 'Your account cannot send emergency announcements.'],
  'em.where': ['1. Phát tới đâu?', '1. To which hamlets?'],
  'em.all': ['Tất cả các ấp', 'Every hamlet'],
  'em.groups': ['Theo cụm', 'By group'],
  'em.list': ['Chọn từng ấp', 'Choose hamlets'],
  'em.what': ['2. Nội dung', '2. What to say'],
  'em.kindText': ['Nhập nội dung để đọc', 'Type a text to read aloud'],
  'em.kindRecording': ['Chọn bản ghi âm', 'Pick a recording'],
  'em.noRecordings': ['(đài chưa có bản ghi nào)', '(the station has no recordings)'],
  'em.textLabel': ['Nội dung bản tin', 'Announcement text'],
  'em.recordingLabel': ['Bản ghi âm', 'Recording'],
  'em.repeat': ['3. Lặp lại', '3. Repeat'],
  'em.repeatOn': ['Phát lặp lại', 'Repeat it'],
  'em.every': ['Cách nhau (phút)', 'Every (minutes)'],
  'em.endCount': ['Số lần phát', 'Number of airings'],
  'em.endUntil': ['Đến giờ', 'Until'],
  'em.next': ['Tiếp tục', 'Continue'],
  'em.confirmHeading': ['Kiểm tra trước khi phát', 'Check before airing'],
  'em.send': ['PHÁT NGAY', 'AIR NOW'],
  'em.edit': ['Sửa lại', 'Change'],
  'em.summaryWhere': ['Phát tới', 'To'],
  'em.summaryWhat': ['Nội dung', 'Content'],
  'em.summaryRepeat': ['Lặp lại', 'Repeat'],
  'em.once': ['Phát một lần', 'Once'],
  'em.everyN': ['Mỗi {n} phút', 'Every {n} minutes'],
  'em.times': [', {n} lần', ', {n} times'],
  'em.untilT': [', đến {t}', ', until {t}'],
  'em.watchHeading': ['Đang gửi bản tin khẩn', 'Emergency announcement'],
  'em.preparing': ['Đang chuẩn bị: bật tăng âm và loa…', 'Getting ready: amplifier and lines switching on…'],
  'em.onAir': ['ĐANG PHÁT', 'ON AIR'],
  'em.ended': ['Đã phát xong lượt này.', 'This airing has ended.'],
  'em.cancel': ['Hủy bản tin', 'Cancel the announcement'],
  'em.cancelled': ['Đã hủy bản tin.', 'The announcement was cancelled.'],
  'em.another': ['Soạn bản tin khác', 'Write another'],
  'em.needZones': ['Chọn ít nhất một ấp.', 'Choose at least one hamlet.'],
  'em.needGroup': ['Chọn ít nhất một cụm.', 'Choose at least one group.'],
  'em.needText': ['Nhập nội dung bản tin.', 'Type the announcement.'],
  'em.needRecording': ['Chọn một bản ghi.', 'Pick a recording.'],
  'em.needEvery': ['Nhập số phút, từ 1 trở lên.', 'Give the minutes, 1 or more.'],
  'em.needCount': ['Nhập số lần, từ 1 đến 200.', 'Give a count from 1 to 200.'],
  'em.needUntil': ['Chọn giờ kết thúc.', 'Choose the end time.'],
  'em.repeats': ['Lượt phát', 'Airings'],
  'em.approvalOn': ['Đài đang bật duyệt tin, nhưng bản tin khẩn phát ngay, không chờ người duyệt; việc gửi được ghi vào nhật ký thao tác.',
    'Approval is on at this station, but an emergency airs at once without an approver; sending it is written to the audit log.'],
  'ct.approvalOn': ['Đài đang bật duyệt tin: bản ghi và bài đọc của cán bộ chỉ được phát sau khi người duyệt tin đồng ý.',
    'Approval is on: an operator\'s recordings and texts air only once an approver accepts them.'],
  'ct.approvalOff': ['Đài không bật duyệt tin: bản ghi và bài đọc phát được ngay sau khi tải lên.',
    'Approval is off: recordings and texts can air as soon as they are uploaded.'],
  'users.heading': ['Người dùng', 'Users'],
  'users.name': ['Tên', 'Name'],
  'users.role': ['Vai trò', 'Role'],
  'users.created': ['Ngày tạo', 'Created'],
  'users.remove': ['Xóa', 'Remove'],
  'users.confirmRemove': ['Bấm lần nữa để xóa', 'Tap again to remove'],
  'users.add': ['Thêm người dùng', 'Add a user'],
  'users.password': ['Mật khẩu (ít nhất 10 ký tự)', 'Password (at least 10 characters)'],
  'users.submit': ['Thêm', 'Add'],
  'users.added': ['Đã thêm {n}.', 'Added {n}.'],
  'users.removed': ['Đã xóa {n}.', 'Removed {n}.'],
  'users.refused': ['Chỉ quản trị viên xem được trang này.', 'Only an admin can see this page.'],
  'nav.content': ['Nội dung', 'Content'],
  'ct.heading': ['Nội dung', 'Content'],
  'ct.uploadHeading': ['Tải bản ghi lên', 'Upload a recording'],
  'ct.file': ['Chọn tệp hoặc ghi âm trên điện thoại', 'Choose a file or record on the phone'],
  'ct.uploadName': ['Tên tệp (để trống: giữ tên gốc)', 'File name (empty: keep its own)'],
  'ct.uploadNameExample': ['ví dụ ban-tin-sang.mp3', 'e.g. ban-tin-sang.mp3'],
  'ct.send': ['Tải lên', 'Upload'],
  'ct.formats': ['Đài nhận tệp WAV, MP3, Ogg và FLAC, tối đa 32 MiB (khoảng 30 phút MP3).',
    'The station takes WAV, MP3, Ogg and FLAC files, up to 32 MiB (about 30 minutes of MP3).'],
  'ct.m4a': ['Chưa nhận tệp M4A/AAC (ghi âm mặc định của nhiều điện thoại, nhất là iPhone). Hãy đổi sang MP3 hoặc WAV '
    + 'trước: trong ứng dụng ghi âm chọn định dạng MP3/WAV nếu có, hoặc trên máy tính của đài chạy '
    + '"ffmpeg -i ghi-am.m4a ghi-am.mp3" (hoặc mở bằng Audacity rồi Xuất ra MP3).',
    'M4A/AAC files (the voice memo format of many phones, iPhones above all) are not accepted yet. Convert them to MP3 '
    + 'or WAV first: choose MP3/WAV in the recorder app if it offers it, or on the station PC run '
    + '"ffmpeg -i memo.m4a memo.mp3" (or open it in Audacity and Export as MP3).'],
  'ct.recordingsHeading': ['Bản ghi âm', 'Recordings'],
  'ct.none': ['Đài chưa có bản ghi nào.', 'The station has no recordings yet.'],
  'ct.textsHeading': ['Bài đọc (giọng đọc máy)', 'Speech texts (read by the speech engine)'],
  'ct.noTexts': ['Chưa có bài đọc nào.', 'No speech texts yet.'],
  'ct.textName': ['Tên bài đọc', 'Name of the text'],
  'ct.textNameExample': ['ví dụ thong-bao-hop-dan', 'e.g. thong-bao-hop-dan'],
  'ct.textBody': ['Nội dung (gõ hoặc dán vào)', 'Text (type or paste it)'],
  'ct.preview': ['Xem chữ máy sẽ đọc', 'Show the words as spoken'],
  'ct.listen': ['Nghe thử', 'Listen'],
  'ct.save': ['Lưu bài đọc', 'Save the text'],
  'ct.spokenHeading': ['Máy sẽ đọc là:', 'It will be spoken as:'],
  'ct.length': ['Dài', 'Length'],
  'ct.loudness': ['Độ to', 'Loudness'],
  'ct.noLoudness': ['chưa đo', 'not measured'],
  'ct.by': ['Người tải', 'By'],
  'ct.play': ['Nghe', 'Play'],
  'ct.delete': ['Xóa', 'Delete'],
  'ct.confirmDelete': ['Bấm lần nữa để xóa', 'Tap again to delete'],
  'ct.deleted': ['Đã xóa {n}.', 'Deleted {n}.'],
  'ct.edit': ['Mở để sửa', 'Open to edit'],
  'ct.read': ['Xem', 'Read'],
  'ct.approve': ['Duyệt', 'Approve'],
  'ct.reject': ['Từ chối', 'Reject'],
  'ct.reason': ['Lý do từ chối', 'Reason for rejecting'],
  'ct.needReason': ['Ghi lý do từ chối để người tải biết sửa gì.', 'Write the reason so the uploader knows what to fix.'],
  'ct.approved': ['Đã duyệt {n}.', 'Approved {n}.'],
  'ct.rejected': ['Đã từ chối {n}.', 'Rejected {n}.'],
  'ct.needFile': ['Chọn một tệp ghi âm trước.', 'Choose a recording first.'],
  'ct.needText': ['Nhập nội dung bài đọc.', 'Type the text.'],
  'ct.needTextName': ['Đặt tên cho bài đọc, ví dụ thong-bao-hop-dan.', 'Name the text, e.g. thong-bao-hop-dan.'],
  'ct.uploaded': ['Đã tải lên {n}.', 'Uploaded {n}.'],
  'ct.uploadedPending': ['Đã tải lên {n}; chờ người duyệt tin trước khi phát.', 'Uploaded {n}; it waits for an approver before it airs.'],
  'ct.saved': ['Đã lưu {n}.', 'Saved {n}.'],
  'ct.savedPending': ['Đã lưu {n}; chờ người duyệt tin trước khi phát.', 'Saved {n}; it waits for an approver before it airs.'],
  'ct.tooBig': ['Tệp quá lớn.', 'The file is too large.'],
  'ct.unreachable': ['Không gửi được: mất kết nối với đài, hoặc tệp quá lớn.', 'Not sent: the station cannot be reached, or the file is too large.'],
  'ct.failed': ['Đài không nhận (mã {n}).', 'The station refused it (code {n}).'],
  'ap.pending': ['Chờ duyệt', 'Waiting for approval'],
  'ap.approved': ['Đã duyệt', 'Approved'],
  'ap.rejected': ['Bị từ chối', 'Rejected'],
  'role.admin': ['Quản trị', 'Admin'],
  'role.operator': ['Cán bộ văn hóa – thông tin', 'Operator'],
  'role.officer': ['Cán bộ báo cáo', 'Officer'],
  'role.approver': ['Người duyệt tin', 'Approver'],
};

const KEY = 'loaxa.lang';

/** Adds a page's own words ({key: [vi, en]}) to the shared ones. */
export function addWords(more) {
  Object.assign(WORDS, more);
}

export function lang() {
  const l = localStorage.getItem(KEY);
  return l === 'en' ? 'en' : 'vi';
}

/** The word for key in the chosen language, with {name} filled from vars. */
export function t(key, vars = {}) {
  const w = WORDS[key];
  let s = w ? w[lang() === 'en' ? 1 : 0] : key;
  for (const [k, v] of Object.entries(vars)) {
    s = s.replace('{' + k + '}', v);
  }
  return s;
}

/** Puts every [data-i18n] element's text in the chosen language. */
export function translate(root = document) {
  document.documentElement.lang = lang();
  root.querySelectorAll('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n);
  });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((el) => {
    el.placeholder = t(el.dataset.i18nPlaceholder);
  });
}

const listeners = [];

/** Runs fn after every language switch (pages redraw what they wrote themselves). */
export function onLanguage(fn) {
  listeners.push(fn);
}

export function switchLanguage() {
  localStorage.setItem(KEY, lang() === 'en' ? 'vi' : 'en');
  translate();
  listeners.forEach((fn) => fn());
}

let csrf = '';

/** The session's CSRF token, for a page that sends a form or reads bytes with its own fetch. */
export function csrfToken() {
  return csrf;
}

/**
 * One API call: JSON in and out, the CSRF token on changes, API errors in the chosen language.
 * Resolves to {ok, status, data, etag}; a lost daemon to {ok: false, status: 0}. {@code more}: headers
 * beyond these (If-Match on an edit).
 */
export async function api(method, path, body, more = {}) {
  const headers = { 'Accept': 'application/json', 'Accept-Language': lang(), ...more };
  if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    headers['X-CSRF-Token'] = csrf;
  }
  try {
    const r = await fetch(path, {
      method, headers, credentials: 'same-origin', cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    let data = null;
    try {
      data = await r.json();
    } catch (e) {
      data = null;
    }
    return { ok: r.ok, status: r.status, data, etag: r.headers.get('ETag') };
  } catch (e) {
    return { ok: false, status: 0, data: null };
  }
}

export function toLogin() {
  const next = location.pathname + location.search;
  location.replace('/ui/login.html?next=' + encodeURIComponent(next));
}

/** Whether the station holds an operator's content for an approver (from /api/station); false when it cannot tell. */
export async function approvalOn() {
  const r = await api('GET', '/api/station');
  return !!(r.ok && r.data && r.data.approval);
}

/** The logged-in account ({name, role}); sends the browser to the login page without a session. */
export async function session() {
  const r = await api('GET', '/api/session');
  if (r.status === 401) {
    toLogin();
    return new Promise(() => {});
  }
  if (!r.ok) {
    return null;
  }
  csrf = r.data.csrf;
  return r.data;
}

export function canOperate(who) {
  return who && (who.role === 'admin' || who.role === 'operator');
}

/** The header every page has: station, pages that exist for this role, emergency, language, logout. */
export function header(who, current) {
  const bar = document.getElementById('bar');
  bar.replaceChildren();
  const nav = el('nav', { class: 'nav' });
  const links = who ? [['/', 'nav.onair', 'onair']] : [];
  if (who && who.role !== 'officer') links.push(['/ui/content.html', 'nav.content', 'content']);
  if (who) links.push(['/ui/week.html', 'nav.week', 'week']);
  if (canOperate(who)) links.push(['/ui/hub.html', 'nav.hub', 'hub']);
  if (who && (who.role === 'admin' || who.role === 'officer')) links.push(['/ui/log.html', 'nav.log', 'log']);
  if (who) links.push(['/ui/station.html', 'nav.station', 'station']);
  if (who && who.role === 'admin') {
    links.push(['/ui/users.html', 'nav.users', 'users']);
    links.push(['/ui/alerts.html', 'nav.alerts', 'alerts']);
  }
  if (who && (who.role === 'admin' || who.role === 'officer')) links.push(['/ui/audit.html', 'nav.audit', 'audit']);
  for (const [href, key, id] of links) {
    const a = el('a', { href, 'data-i18n': key, id: 'nav-' + id, class: id === current ? 'current' : '' });
    nav.append(a);
  }
  if (canOperate(who)) {
    nav.append(el('a', { href: '/ui/emergency.html', class: 'emergency', id: 'nav-emergency', 'data-i18n': 'nav.emergency' }));
  }
  const tools = el('div', { class: 'tools' });
  const switcher = el('button', { type: 'button', id: 'lang', class: 'quiet', 'data-i18n': 'lang.switch' });
  switcher.addEventListener('click', switchLanguage);
  tools.append(switcher);
  if (who) {
    const out = el('button', { type: 'button', id: 'logout', class: 'quiet', 'data-i18n': 'nav.logout' });
    out.addEventListener('click', async () => {
      await api('POST', '/api/logout');
      location.replace('/ui/login.html');
    });
    tools.append(out);
  }
  bar.append(nav, tools);
  translate(bar);
}

/** A new element with attributes and children (text or nodes). */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== '' && v !== null && v !== undefined && v !== false) {
      e.setAttribute(k, v === true ? '' : v);
    }
  }
  e.append(...children);
  return e;
}

/**
 * Follows /api/events: onStatus for every status event (sent on change), and more.level /
 * more.beat for those events when given. The daemon sends a beat after 15 s of quiet: when nothing
 * comes for STALE ms or the stream breaks, the lost banner shows and the page tries again until the
 * daemon answers; a page whose session ended goes to the login page.
 */
export function live(onStatus, more = {}) {
  const STALE = 35000;
  const banner = document.getElementById('lost');
  let source = null;
  let lastHeard = Date.now();
  let lost = false;
  let retrying = false;

  const showLost = () => {
    if (!lost) {
      lost = true;
      banner.dataset.i18n = 'lost';
      banner.textContent = t('lost');
      banner.className = 'banner lost';
      banner.hidden = false;
    }
  };
  const showBack = () => {
    if (lost) {
      lost = false;
      banner.dataset.i18n = 'back';
      banner.textContent = t('back');
      banner.className = 'banner back';
      setTimeout(() => {
        if (!lost) {
          banner.hidden = true;
        }
      }, 3000);
    }
  };
  const connect = () => {
    source = new EventSource('/api/events');
    source.addEventListener('status', (e) => {
      lastHeard = Date.now();
      showBack();
      onStatus(JSON.parse(e.data));
    });
    for (const kind of ['level', 'beat']) {
      source.addEventListener(kind, (e) => {
        lastHeard = Date.now();
        showBack();
        if (more[kind]) {
          more[kind](JSON.parse(e.data));
        }
      });
    }
    source.onerror = () => {
      source.close();
      showLost();
      retry();
    };
  };
  const retry = async () => {
    if (retrying) {
      return;
    }
    retrying = true;
    for (;;) {
      await new Promise((r) => setTimeout(r, 1500));
      const r = await api('GET', '/api/session');
      if (r.status === 401) {
        toLogin();
        return;
      }
      if (r.ok) {
        retrying = false;
        lastHeard = Date.now();
        connect();
        return;
      }
    }
  };
  setInterval(() => {
    if (!retrying && Date.now() - lastHeard > STALE) {
      source.close();
      showLost();
      retry();
    }
  }, 5000);
  connect();
}

/** A message the station writes "Vietnamese (English)": the part in the chosen language. */
export function said(message) {
  const m = /^([\s\S]*?)\s*\(([^()]*)\)\s*$/.exec(message || '');
  if (!m) {
    return message;
  }
  return lang() === 'en' ? m[2] : m[1];
}

/** Seconds as m:ss or h:mm:ss. */
export function clock(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** The text of a hamlet line's state. */
export function stateWord(state) {
  return t('state.' + (['on', 'off', 'unknown', 'offline'].includes(state) ? state : 'unknown'));
}
