// Spyglass web view. Every string that comes from a feed goes into the page as text (textContent), never as
// markup; the server's content security policy allows no script but this file.
'use strict';

const FILTERS = ['attributed', 'victim', 'sector', 'actor', 'lang', 'from', 'to', 'q'];
const PAGE = 50;
const state = { view: 'stories', offset: 0, story: null, stories: [], total: 0, events: null, feeds: new Map(), chart: null,
  pictureTimer: null };

const $ = (sel) => document.querySelector(sel);

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined) continue;
    if (k === 'class') e.className = v; else if (k === 'dataset') Object.assign(e.dataset, v); else e.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

// Only web links become links: a feed may give "javascript:" URLs.
function safeHref(url) {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch (e) {
    return null;
  }
}

function when(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return isNaN(d) ? '' : d.toISOString().slice(0, 16).replace('T', ' ');
}

function params() {
  const p = new URLSearchParams(location.search);
  const out = {};
  for (const k of FILTERS) if (p.get(k)) out[k] = p.get(k);
  return out;
}

function filterQuery() {
  return new URLSearchParams(params()).toString();
}

function pushUrl(changes, replace) {
  const p = new URLSearchParams(location.search);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === '' || v === 0) p.delete(k); else p.set(k, v);
  }
  const url = location.pathname + (p.toString() ? '?' + p : '');
  if (replace) history.replaceState(null, '', url); else history.pushState(null, '', url);
}

async function getJson(url) {
  const r = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

function chips(list, cls) {
  return (list || []).map((x) => el('span', { class: 'chip ' + (cls || '') }, x.name || x));
}

function row(s) {
  const tr = el('tr', { dataset: { id: s.storyId } },
    el('td', {}, el('div', { class: 'title' }, s.title), el('div', { class: 'muted' }, s.sources + ' source' + (s.sources === 1 ? '' : 's'),
      s.languages && s.languages.length ? ' · ' + s.languages.join(', ') : '')),
    el('td', {}, chips(s.attributed, 'state'), s.victims.length ? ' → ' : '', chips(s.victims, 'victim')),
    el('td', {}, chips(s.actors)),
    el('td', {}, chips(s.sectors)),
    el('td', { class: 'outlets' }, String(s.outlets)),
    el('td', {}, when(s.firstSeen)),
    el('td', {}, when(s.lastSeen)));
  tr.addEventListener('click', () => openStory(s.storyId));
  return tr;
}

function renderStories() {
  const body = $('#stories tbody');
  body.replaceChildren(...state.stories.map(row));
  const first = state.total === 0 ? 0 : state.offset + 1;
  $('#summary').textContent = state.total === 0 ? 'No stories match.'
    : `Stories ${first}–${state.offset + state.stories.length} of ${state.total}, newest first`;
  $('#newer').disabled = state.offset === 0;
  $('#older').disabled = state.offset + state.stories.length >= state.total;
}

async function loadStories() {
  const q = new URLSearchParams(params());
  q.set('offset', state.offset);
  q.set('limit', PAGE);
  try {
    const page = await getJson('/api/stories?' + q);
    state.stories = page.stories;
    state.total = page.total;
    renderStories();
  } catch (e) {
    $('#summary').replaceChildren(el('span', { class: 'error' }, e.message));
  }
}

// A value a live story brings that the filter lists lack (a new victim, a new language) becomes choosable.
function addFacetValues(s) {
  const add = (name, value, label) => {
    const select = document.querySelector(`#filters [name="${name}"]`);
    if (!select || [...select.options].some((o) => o.value === value)) return;
    select.append(el('option', { value }, label));
  };
  s.attributed.forEach((c) => add('attributed', c.code, c.name));
  s.victims.forEach((c) => add('victim', c.code, c.name));
  s.sectors.forEach((v) => add('sector', v, v));
  s.languages.forEach((v) => add('lang', v, v));
  const actors = $('#actors');
  s.actors.forEach((a) => { if (![...actors.options].some((o) => o.value === a)) actors.append(el('option', { value: a })); });
}

// A story changed on the topic: update its row in place, or bring it to the top of the first page.
function onStory(s) {
  addFacetValues(s);
  const i = state.stories.findIndex((x) => x.storyId === s.storyId);
  if (i >= 0) {
    state.stories.splice(i, 1);
  } else if (s.version === 1) {
    state.total++;
  }
  if (state.offset === 0) {
    state.stories.unshift(s);
    state.stories.sort((a, b) => (b.lastSeen > a.lastSeen ? 1 : b.lastSeen < a.lastSeen ? -1 : a.storyId < b.storyId ? -1 : 1));
    state.stories = state.stories.slice(0, PAGE);
  } else if (i >= 0) {
    state.stories.splice(i, 0, s);
  }
  renderStories();
  const tr = document.querySelector(`#stories tr[data-id="${CSS.escape(s.storyId)}"]`);
  if (tr) tr.classList.add('fresh');
  if (state.story === s.storyId) openStory(s.storyId, true);
  if (state.view === 'picture') schedulePicture();
}

// A burst of stories (a feed with many new items) redraws the chart once, not once per story.
function schedulePicture() {
  clearTimeout(state.pictureTimer);
  state.pictureTimer = setTimeout(loadPicture, 1000);
}

function connect() {
  if (state.events) state.events.close();
  const es = new EventSource('/api/events?' + filterQuery());
  state.events = es;
  const live = $('#live');
  es.addEventListener('hello', () => { live.className = 'live on'; live.textContent = 'live'; });
  es.addEventListener('story', (e) => onStory(JSON.parse(e.data)));
  es.addEventListener('feed', (e) => { const f = JSON.parse(e.data); state.feeds.set(f.url, f); renderFeeds(); });
  es.onerror = () => { live.className = 'live off'; live.textContent = 'reconnecting'; };
}

function highlighted(text, evidence) {
  const marks = (evidence || [])
    .filter((ev) => ev.offset >= 0 && ev.offset + ev.text.length <= text.length && text.substr(ev.offset, ev.text.length) === ev.text)
    .sort((a, b) => a.offset - b.offset || b.text.length - a.text.length);
  const parts = [];
  let at = 0;
  for (const ev of marks) {
    if (ev.offset < at) continue;
    parts.push(text.slice(at, ev.offset));
    parts.push(el('mark', { class: 'ev ev-' + ev.tag, title: `${ev.tag}: ${ev.value} (${ev.rule})`, dataset: { tag: ev.tag } }, ev.text));
    at = ev.offset + ev.text.length;
  }
  parts.push(text.slice(at));
  return parts;
}

function renderStory(story) {
  const t = story.tags;
  const link = safeHref(story.url);
  const body = $('#detail-body');
  body.replaceChildren(
    el('h2', {}, link ? el('a', { href: link, target: '_blank', rel: 'noopener noreferrer' }, story.title) : story.title),
    el('p', {}, chips(t.attributed, 'state'), t.victims.length ? ' → ' : '', chips(t.victims, 'victim')),
    el('table', { class: 'facts' },
      el('tr', {}, el('th', {}, 'Score'), el('td', { id: 'score' }, String(t.score))),
      el('tr', {}, el('th', {}, 'Actors'), el('td', {}, chips((t.actors || []).map((a) => a.name)))),
      el('tr', {}, el('th', {}, 'Sectors'), el('td', {}, chips(t.sectors))),
      el('tr', {}, el('th', {}, 'Malware'), el('td', {}, chips(t.malware))),
      el('tr', {}, el('th', {}, 'CVEs'), el('td', {}, chips(t.cves))),
      el('tr', {}, el('th', {}, 'Seen'), el('td', {}, when(story.firstSeen) + ' – ' + when(story.lastSeen))),
      el('tr', {}, el('th', {}, 'Tagger'), el('td', {}, t.tagger || ''))),
    ...story.sources.map((s) => {
      const href = safeHref(s.url);
      const full = s.title + '\n' + (s.text || '');
      return el('div', { class: 'source' },
        el('h3', {}, s.outlet),
        el('p', { class: 'muted' }, when(s.published || s.fetched), s.language ? ' · ' + s.language : '', ' · ',
          href ? el('a', { href, target: '_blank', rel: 'noopener noreferrer' }, s.url) : s.url),
        el('div', { class: 'text' }, highlighted(full, s.evidence)),
        s.text === null ? el('p', { class: 'muted' }, 'Text not kept in the story (its budget was spent); read it from spyglass.enriched.') : null,
        el('details', {}, el('summary', {}, `Evidence (${s.evidence.length})`),
          el('table', { class: 'evidence' },
            el('tr', {}, el('th', {}, 'Tag'), el('th', {}, 'Value'), el('th', {}, 'Text'), el('th', {}, 'Rule')),
            s.evidence.map((ev) => el('tr', {}, el('td', {}, ev.tag), el('td', {}, ev.value), el('td', {}, ev.text), el('td', {}, ev.rule))))));
    }));
}

async function openStory(id, quiet) {
  state.story = id;
  if (!quiet) pushUrl({ story: id });
  $('#detail').hidden = false;
  try {
    renderStory(await getJson('/api/stories/' + encodeURIComponent(id)));
  } catch (e) {
    $('#detail-body').replaceChildren(el('p', { class: 'error' }, e.message));
  }
}

function closeStory() {
  state.story = null;
  $('#detail').hidden = true;
  pushUrl({ story: null });
}

async function loadPicture() {
  const stats = await getJson('/api/stats?' + filterQuery());
  if (window.echarts) {
    if (!state.chart) state.chart = echarts.init($('#per-day'));
    const series = Object.entries(stats.storiesPerDay).map(([code, counts]) => ({
      name: stats.stateNames[code] || code, type: 'bar', stack: 'stories', data: counts }));
    state.chart.setOption({ tooltip: { trigger: 'axis' }, legend: { type: 'scroll' }, grid: { left: 40, right: 20, bottom: 30 },
      xAxis: { type: 'category', data: stats.days }, yAxis: { type: 'value', minInterval: 1 }, series }, true);
  }
  const attackers = [...new Map(stats.flows.map((f) => [f.attributed.code, f.attributed])).values()];
  const victims = [...new Map(stats.flows.map((f) => [f.victim.code, f.victim])).values()];
  const count = new Map(stats.flows.map((f) => [f.attributed.code + '>' + f.victim.code, f.stories]));
  const max = Math.max(1, ...stats.flows.map((f) => f.stories));
  $('#flow').replaceChildren(
    el('tr', {}, el('th', {}, 'attributed ↓ / victim →'), victims.map((v) => el('th', {}, v.name))),
    ...attackers.map((a) => el('tr', {}, el('th', {}, a.name), victims.map((v) => {
      const n = count.get(a.code + '>' + v.code) || 0;
      const td = el('td', { class: 'n', title: `${a.name} → ${v.name}: ${n}` }, n ? String(n) : '');
      if (n) td.style.background = `rgba(31,95,191,${(0.1 + 0.6 * n / max).toFixed(2)})`;
      return td;
    }))));
  if (!stats.flows.length) $('#flow').replaceChildren(el('tr', {}, el('td', { class: 'muted' }, 'No attributed story with victims matches.')));
}

function renderFeeds() {
  const rows = [...state.feeds.values()].sort((a, b) => b.consecutiveFailures - a.consecutiveFailures || (a.url < b.url ? -1 : 1));
  $('#feeds tbody').replaceChildren(...rows.map((f) => {
    const href = safeHref(f.url);
    const ok = !f.errorClass;
    return el('tr', { class: ok ? 'ok' : 'failing' },
      el('td', {}, href ? el('a', { href, target: '_blank', rel: 'noopener noreferrer' }, f.url) : f.url),
      el('td', {}, when(f.lastAttempt)),
      el('td', {}, ok ? 'OK' + (f.httpStatus ? ' (' + f.httpStatus + ')' : '') : f.errorClass + (f.httpStatus ? ' ' + f.httpStatus : '')),
      el('td', { class: 'error' }, f.message || ''),
      el('td', {}, String(f.consecutiveFailures)),
      el('td', {}, when(f.nextAttempt)),
      el('td', {}, when(f.lastNewArticle)));
  }));
}

async function loadFeeds() {
  const feeds = await getJson('/api/feeds');
  state.feeds = new Map(feeds.map((f) => [f.url, f]));
  renderFeeds();
}

async function loadFacets() {
  const facets = await getJson('/api/facets');
  const p = params();
  for (const name of ['attributed', 'victim', 'sector', 'lang']) {
    const select = document.querySelector(`#filters [name="${name}"]`);
    const values = facets[name] || [];
    if (p[name] && !values.some((f) => f.value === p[name])) values.push({ value: p[name], label: p[name], stories: 0 });
    select.replaceChildren(el('option', { value: '' }, 'any'),
      ...values.map((f) => el('option', { value: f.value }, `${f.label} (${f.stories})`)));
    select.value = p[name] || '';
  }
  $('#actors').replaceChildren(...(facets.actor || []).slice(0, 300).map((f) => el('option', { value: f.value })));
}

function showView(view) {
  state.view = view;
  for (const v of ['stories', 'picture', 'feeds']) $(`#${v}-view`).hidden = v !== view;
  document.querySelectorAll('nav .tab').forEach((a) => a.classList.toggle('active', a.dataset.view === view));
  $('#filters').hidden = view === 'feeds';
  if (view === 'picture') loadPicture();
  if (view === 'feeds') loadFeeds();
}

function fromUrl() {
  const p = new URLSearchParams(location.search);
  for (const name of FILTERS) {
    const input = document.querySelector(`#filters [name="${name}"]`);
    if (input) input.value = p.get(name) || '';
  }
  state.offset = Math.max(0, parseInt(p.get('offset') || '0', 10) || 0);
  showView(p.get('view') || 'stories');
  loadStories();
  connect();
  const story = p.get('story');
  if (story) openStory(story, true); else { state.story = null; $('#detail').hidden = true; }
}

function onFilterChange() {
  const changes = { offset: null };
  for (const name of FILTERS) changes[name] = document.querySelector(`#filters [name="${name}"]`).value.trim();
  pushUrl(changes, false);
  fromUrl();
}

document.addEventListener('DOMContentLoaded', () => {
  $('#filters').addEventListener('change', onFilterChange);
  $('#filters').addEventListener('submit', (e) => { e.preventDefault(); onFilterChange(); });
  $('#clear').addEventListener('click', () => { $('#filters').reset(); onFilterChange(); });
  $('#close-detail').addEventListener('click', closeStory);
  $('#newer').addEventListener('click', () => { pushUrl({ offset: Math.max(0, state.offset - PAGE) }); fromUrl(); });
  $('#older').addEventListener('click', () => { pushUrl({ offset: state.offset + PAGE }); fromUrl(); });
  document.querySelectorAll('nav .tab').forEach((a) => a.addEventListener('click', (e) => {
    e.preventDefault();
    pushUrl({ view: a.dataset.view === 'stories' ? null : a.dataset.view });
    showView(a.dataset.view);
  }));
  window.addEventListener('popstate', fromUrl);
  loadFacets().catch(() => {});
  fromUrl();
});
