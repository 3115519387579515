// The explorer: draws actors and their relations with Cytoscape.js, from the
// public GraphQL API only. The view (expanded actors, selection, filters) is
// kept in the URL's fragment, so a link shares it.
'use strict';

const TYPES = ['PERSON', 'STATE', 'AGENCY', 'PLACE'];
const KINDS = ['ACTION', 'STATEMENT', 'ROLE'];
// SECTORS are the schema's enum Sector: what sort of organisation an agency is.
const SECTORS = ['GOVERNMENT', 'LEGISLATURE', 'JUDICIARY', 'MILITARY', 'POLICE', 'INTELLIGENCE', 'PARTY', 'MEDIA',
  'BUSINESS', 'INTERNATIONAL', 'NGO', 'EDUCATION', 'HEALTH', 'SPORT', 'RELIGION', 'OTHER'];
const TYPE_COLOURS = {PERSON: '#d9534f', STATE: '#337ab7', AGENCY: '#5cb85c', PLACE: '#f0ad4e'};
const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];
const NEIGHBOURHOOD = 50; // actors fetched around one expanded actor (the query cost limit allows ~60)

const $ = (id) => document.getElementById(id);

// state is the shareable view; it round-trips through location.hash.
const state = {
  ids: [], sel: '', types: TYPES.slice(), sectors: SECTORS.slice(), kinds: KINDS.slice(), pred: '',
  since: '', until: '', size: 'mentions', colour: 'type',
};
let features = {analytics: false};

function readHash() {
  const p = new URLSearchParams(location.hash.slice(1));
  const list = (k, all) => p.has(k) ? p.get(k).split(',').filter((v) => v) : all;
  state.ids = list('ids', []);
  state.sel = p.get('sel') || '';
  state.types = list('types', TYPES.slice());
  state.sectors = list('sectors', SECTORS.slice());
  state.kinds = list('kinds', KINDS.slice());
  state.pred = p.get('pred') || '';
  state.since = p.get('since') || '';
  state.until = p.get('until') || '';
  state.size = p.get('size') || 'mentions';
  state.colour = p.get('colour') || 'type';
}

function writeHash() {
  const p = new URLSearchParams();
  if (state.ids.length) p.set('ids', state.ids.join(','));
  if (state.sel) p.set('sel', state.sel);
  if (state.types.length !== TYPES.length) p.set('types', state.types.join(','));
  if (state.sectors.length !== SECTORS.length) p.set('sectors', state.sectors.join(','));
  if (state.kinds.length !== KINDS.length) p.set('kinds', state.kinds.join(','));
  for (const k of ['pred', 'since', 'until']) if (state[k]) p.set(k, state[k]);
  if (state.size !== 'mentions') p.set('size', state.size);
  if (state.colour !== 'type') p.set('colour', state.colour);
  history.replaceState(null, '', '#' + p.toString());
  updateExports();
}

function status(msg) { $('status').textContent = msg || ''; }

async function gql(query, variables) {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},
    body: JSON.stringify({query, variables}),
  });
  const body = await res.json();
  if (body.errors && body.errors.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data;
}

// ---- the graph

const cy = cytoscape({
  container: $('cy'),
  minZoom: 0.1, maxZoom: 4, wheelSensitivity: 0.3,
  style: [
    {selector: 'node', style: {
      'label': 'data(name)', 'font-size': 11, 'min-zoomed-font-size': 7,
      'text-valign': 'bottom', 'text-margin-y': 3, 'text-outline-color': '#fff', 'text-outline-width': 2,
      'background-color': 'data(colour)', 'width': 'data(size)', 'height': 'data(size)',
    }},
    {selector: 'node.expanded', style: {'border-width': 3, 'border-color': '#333'}},
    {selector: 'node:selected', style: {'border-width': 4, 'border-color': '#fc0'}},
    {selector: 'edge', style: {
      'width': 'data(width)', 'line-color': '#9aa', 'target-arrow-color': '#9aa', 'target-arrow-shape': 'triangle',
      'curve-style': 'bezier', 'label': 'data(predicate)', 'font-size': 9, 'min-zoomed-font-size': 9,
      'text-rotation': 'autorotate', 'color': '#556',
    }},
    {selector: 'edge:selected', style: {'line-color': '#f80', 'target-arrow-color': '#f80', 'width': 4}},
    {selector: '.hidden', style: {'display': 'none'}},
  ],
});
window.explorer = {cy, state}; // for the browser tests and the console

function layout() {
  const n = cy.nodes(':visible').length;
  cy.layout({
    name: 'cose', animate: false, randomize: false, nodeDimensionsIncludeLabels: true,
    idealEdgeLength: () => n > 100 ? 60 : 90, nodeRepulsion: () => n > 100 ? 12000 : 8000,
    numIter: 1500, padding: 30,
  }).run();
}

function addSubgraph(sg) {
  const added = [];
  for (const e of sg.nodes) {
    const data = {id: e.id, name: e.name, type: e.type, sector: e.sector || '', mentions: e.mentionCount, aliases: e.aliases,
      pageRank: e.centrality ? e.centrality.pageRank : 0,
      betweenness: e.centrality && e.centrality.betweenness != null ? e.centrality.betweenness : 0,
      community: e.community == null ? -1 : e.community};
    const old = cy.getElementById(e.id);
    if (old.nonempty()) { old.data(data); continue; }
    added.push({group: 'nodes', data});
  }
  for (const r of sg.edges) {
    if (cy.getElementById(r.id).nonempty()) continue;
    added.push({group: 'edges', data: {id: r.id, source: r.subject.id, target: r.object.id, predicate: r.predicate,
      lemma: r.lemma, kind: r.kind || '', weight: r.weight, firstSeen: r.firstSeen || '', lastSeen: r.lastSeen || ''}});
  }
  cy.add(added);
}

// entityFields asks for betweenness only when nodes are sized by it: it is
// the slow measure to compute on a large graph.
function entityFields() {
  if (!features.analytics) return 'id name type sector aliases mentionCount';
  return 'id name type sector aliases mentionCount community centrality { pageRank' +
    (state.size === 'betweenness' ? ' betweenness' : '') + ' }';
}

async function fetchNeighbourhood(id) {
  const d = await gql(`query($ids: [ID!]!, $limit: Int) { subgraph(ids: $ids, depth: 1, limit: $limit) {
    nodes { ${entityFields()} }
    edges { id subject { id } object { id } predicate lemma kind weight firstSeen lastSeen } } }`,
  {ids: [id], limit: NEIGHBOURHOOD});
  addSubgraph(d.subgraph);
}

async function expand(id) {
  status('loading…');
  try {
    await fetchNeighbourhood(id);
    if (!state.ids.includes(id)) state.ids.push(id);
    cy.getElementById(id).addClass('expanded');
    restyle();
    layout();
    writeHash();
    status('');
  } catch (err) {
    status(String(err.message || err));
  }
}

async function load() {
  cy.elements().remove();
  status(state.ids.length ? 'loading…' : '');
  try {
    for (const id of state.ids) {
      await fetchNeighbourhood(id);
      cy.getElementById(id).addClass('expanded');
    }
    restyle();
    layout();
    if (state.sel) select(state.sel);
    status('');
  } catch (err) {
    status(String(err.message || err));
  }
}

// ---- filters and styles

function restyle() {
  const nodes = cy.nodes();
  const metric = state.size;
  const max = Math.max(1e-9, ...nodes.map((n) => n.data(metric) || 0));
  const wmax = Math.max(1, ...cy.edges().map((e) => e.data('weight')));
  nodes.forEach((n) => {
    n.data('size', 18 + 42 * Math.sqrt((n.data(metric) || 0) / max));
    const c = n.data('community');
    n.data('colour', state.colour === 'community' && c >= 0 ? PALETTE[c % PALETTE.length] : TYPE_COLOURS[n.data('type')] || '#999');
  });
  cy.edges().forEach((e) => e.data('width', 1 + 4 * Math.sqrt(e.data('weight') / wmax)));
  applyFilters();
  updateTimeRange();
  listNodes();
}

function edgeVisible(e) {
  const d = e.data();
  if (d.kind && !state.kinds.includes(d.kind)) return false;
  const p = state.pred.trim().toLowerCase();
  if (p && !d.predicate.toLowerCase().includes(p) && !d.lemma.toLowerCase().includes(p)) return false;
  if (state.since && d.lastSeen && d.lastSeen < state.since) return false;
  if (state.until && d.firstSeen && d.firstSeen > state.until) return false;
  return true;
}

// nodeVisible: the node's type is checked and, for an agency, its sector
// (an agency of a store without sectors counts as OTHER).
function nodeVisible(d) {
  if (!state.types.includes(d.type)) return false;
  return d.type !== 'AGENCY' || state.sectors.includes(d.sector || 'OTHER');
}

function applyFilters() {
  cy.batch(() => {
    cy.nodes().forEach((n) => n.toggleClass('hidden', !nodeVisible(n.data()) && !state.ids.includes(n.id())));
    cy.edges().forEach((e) => e.toggleClass('hidden', !edgeVisible(e)));
  });
}

// dates are the publication dates of the drawn edges, the slider's stops.
let dates = [];

function updateTimeRange() {
  const set = new Set();
  cy.edges().forEach((e) => { for (const k of ['firstSeen', 'lastSeen']) if (e.data(k)) set.add(e.data(k)); });
  dates = [...set].sort();
  const since = $('since'), until = $('until');
  since.max = until.max = String(Math.max(0, dates.length - 1));
  const at = (v, dflt) => { const i = dates.indexOf(v); return i < 0 ? dflt : i; };
  since.value = String(at(state.since, 0));
  until.value = String(at(state.until, dates.length - 1));
  $('since-out').textContent = dates[+since.value] || '–';
  $('until-out').textContent = dates[+until.value] || '–';
}

function onTime() {
  let a = +$('since').value, b = +$('until').value;
  if (a > b) [a, b] = [b, a];
  state.since = a > 0 ? dates[a] : '';
  state.until = b < dates.length - 1 ? dates[b] : '';
  $('since-out').textContent = dates[a] || '–';
  $('until-out').textContent = dates[b] || '–';
  applyFilters();
  writeHash();
  refreshEvents();
}

// refreshEvents lists the selected actor's events again for a new date
// window, once the slider has rested.
let eventTimer;
function refreshEvents() {
  clearTimeout(eventTimer);
  eventTimer = setTimeout(() => {
    const el = state.sel ? cy.getElementById(state.sel) : null;
    if (el && el.nonempty() && el.isNode()) showNode(el);
  }, 250);
}

function checkboxes(container, values, key) {
  for (const v of values) {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.value = v;
    box.checked = state[key].includes(v);
    box.addEventListener('change', () => {
      state[key] = values.filter((x) => container.querySelector(`input[value="${x}"]`).checked);
      applyFilters();
      writeHash();
    });
    label.append(box, ' ' + v.toLowerCase());
    container.append(label);
  }
}

function updateExports() {
  const ids = state.ids.map((id) => '&id=' + encodeURIComponent(id)).join('');
  $('export-graphml').href = '/export?format=graphml&depth=1' + ids;
  $('export-cytoscape').href = '/export?format=cytoscape&depth=1' + ids;
}

// ---- lists and details (the keyboard's way through the graph)

function button(text, onclick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.addEventListener('click', onclick);
  return b;
}

function listNodes() {
  const ul = $('nodes');
  ul.replaceChildren();
  const nodes = cy.nodes(':visible').sort((a, b) => b.data('mentions') - a.data('mentions'));
  nodes.forEach((n) => {
    const li = document.createElement('li');
    li.append(button(n.data('name'), () => select(n.id())));
    ul.append(li);
  });
}

function select(id) {
  const el = cy.getElementById(id);
  if (el.empty()) return;
  cy.elements().unselect();
  el.select();
  state.sel = id;
  writeHash();
  if (el.isNode()) showNode(el); else showEdge(el);
}

function showNode(n) {
  const d = n.data();
  const box = $('details');
  box.replaceChildren();
  const h = document.createElement('h2');
  h.textContent = d.name;
  const p = document.createElement('p');
  p.textContent = `${d.type.toLowerCase()}${d.sector ? ' (' + d.sector.toLowerCase() + ')' : ''} · ${d.mentions} mentions` +
    (d.aliases && d.aliases.length ? ` · also ${d.aliases.join(', ')}` : '') +
    (features.analytics ? ` · PageRank ${d.pageRank.toFixed(4)} · community ${d.community}` : '');
  box.append(h, p);
  if (!state.ids.includes(d.id)) box.append(button('Expand', () => expand(d.id)));
  const ul = document.createElement('ul');
  ul.className = 'edge-list';
  n.connectedEdges(':visible').sort((a, b) => b.data('weight') - a.data('weight')).forEach((e) => {
    const li = document.createElement('li');
    li.append(button(`${e.source().data('name')} — ${e.data('predicate')} → ${e.target().data('name')} (${e.data('weight')})`,
      () => select(e.id())));
    ul.append(li);
  });
  box.append(ul);
  showEvents(box, d.id);
}

// ---- events of one actor (acts and statements naming no second actor)

const EVENT_SHOWN = 10; // events asked for per press of "more"
let eventSeq = 0;

// eventPager pages through the actor's events inside the date window,
// newest first as the API orders them: each call of the function it
// returns fetches the next EVENT_SHOWN.
function eventPager(id) {
  let after = null;
  const since = state.since || null, until = state.until || null;
  return async () => {
    const d = await gql(`query($id: ID, $first: Int, $after: String, $since: String, $until: String) {
      entity(id: $id) { events(first: $first, after: $after, since: $since, until: $until, orderBy: NEWEST) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { node { id predicate kind objectText modality date
          evidence { sentence quantity negated confidence article { title url publishedAt } } } } } } }`,
    {id, first: EVENT_SHOWN, after, since, until});
    if (!d.entity) return {events: [], total: 0, more: false};
    const c = d.entity.events;
    after = c.pageInfo.endCursor;
    return {events: c.edges.map((x) => x.node), total: c.totalCount, more: c.pageInfo.hasNextPage};
  };
}

async function showEvents(box, id) {
  const seq = ++eventSeq;
  const section = document.createElement('section');
  section.className = 'events';
  section.setAttribute('aria-label', 'events');
  const h = document.createElement('h2');
  h.textContent = 'Events';
  section.append(h);
  box.append(section);
  const next = eventPager(id);
  let page;
  try {
    page = await next();
  } catch (err) {
    status(String(err.message || err));
    return;
  }
  if (seq !== eventSeq) return; // another actor was selected meanwhile
  const total = page.total;
  const span = state.since || state.until ? ` from ${state.since || 'the start'} to ${state.until || 'the end'}` : '';
  h.textContent = `Events (${total}${span}, newest first)`;
  if (!page.events.length) {
    const p = document.createElement('p');
    p.className = 'hint';
    p.textContent = 'No events of this actor alone.';
    section.append(p);
    return;
  }
  const ul = document.createElement('ul');
  ul.className = 'edge-list event-list';
  section.append(ul);
  let shown = 0;
  const add = (pg) => {
    for (const ev of pg.events) ul.append(eventItem(ev));
    shown += pg.events.length;
    more.textContent = `more (${shown} of ${total} shown)`;
    more.hidden = !pg.more;
  };
  // "more" fetches the next page and moves the focus to the first event
  // it adds, for the keyboard.
  const more = button('more', async () => {
    const first = shown;
    more.disabled = true;
    try {
      add(await next());
    } catch (err) {
      status(String(err.message || err));
    }
    more.disabled = false;
    if (ul.children[first]) ul.children[first].querySelector('button').focus();
  });
  more.className = 'more';
  add(page);
  section.append(more);
}

// eventItem is one event: a button with its predicate, object, marks and
// date, which opens or closes its evidence (sentence, article link).
function eventItem(ev) {
  const li = document.createElement('li');
  li.className = 'event';
  const marks = [ev.kind === 'STATEMENT' ? 'statement' : '', ev.modality ? ev.modality.toLowerCase() : '',
    ev.evidence.negated ? 'negated' : ''].filter((m) => m);
  const b = button('', () => {
    const open = b.getAttribute('aria-expanded') === 'true';
    b.setAttribute('aria-expanded', String(!open));
    detail.hidden = open;
  });
  const pred = document.createElement('strong');
  pred.textContent = ev.predicate;
  const obj = document.createElement('span');
  obj.className = 'object';
  obj.textContent = ' ' + ev.objectText;
  b.append(pred, obj);
  for (const m of marks) {
    const s = document.createElement('span');
    s.className = 'mark' + (m === 'negated' ? ' negated' : '');
    s.textContent = ' [' + m + ']';
    b.append(s);
  }
  const small = document.createElement('small');
  small.textContent = ' · ' + (ev.date || 'undated');
  b.append(small);
  b.setAttribute('aria-expanded', 'false');
  const detail = evidenceItem(ev.evidence);
  if (ev.modality) {
    const m = document.createElement('p');
    m.className = 'modality';
    m.textContent = 'not stated as a fact: ' + ev.modality.toLowerCase();
    detail.append(m);
  }
  detail.hidden = true;
  li.append(b, detail);
  return li;
}

async function showEdge(e) {
  const d = e.data();
  const box = $('details');
  box.replaceChildren();
  const h = document.createElement('h2');
  h.textContent = `${e.source().data('name')} — ${d.predicate} → ${e.target().data('name')}`;
  const p = document.createElement('p');
  p.textContent = `${(d.kind || 'relation').toLowerCase()} · weight ${d.weight}` + (d.firstSeen ? ` · ${d.firstSeen} to ${d.lastSeen}` : '');
  box.append(h, p);
  try {
    const data = await gql(`query($s: ID!, $o: ID!, $p: String!) { relations(subject: $s, object: $o, predicate: $p, first: 20) {
      edges { node { id evidence(first: 20) { sentence quantity negated confidence article { title url publishedAt } } } } } }`,
    {s: d.source, o: d.target, p: d.lemma});
    const rel = data.relations.edges.map((x) => x.node).find((r) => r.id === d.id);
    for (const ev of rel ? rel.evidence : []) box.append(evidenceItem(ev));
  } catch (err) {
    status(String(err.message || err));
  }
}

function evidenceItem(ev) {
  const div = document.createElement('div');
  div.className = 'evidence';
  const s = document.createElement('p');
  s.className = 'sentence';
  s.textContent = ev.sentence;
  const meta = document.createElement('p');
  meta.className = 'meta';
  const a = document.createElement(ev.article.url ? 'a' : 'span');
  a.textContent = ev.article.title || '(untitled)';
  if (ev.article.url && /^https?:/i.test(ev.article.url)) { a.href = ev.article.url; a.rel = 'noopener noreferrer'; a.target = '_blank'; }
  meta.append(a, ` · ${ev.article.publishedAt || 'undated'} · confidence ${ev.confidence.toFixed(2)}`);
  div.append(s, meta);
  if (ev.quantity) {
    const q = document.createElement('p');
    q.className = 'quantity';
    q.textContent = 'quantity: ' + ev.quantity;
    div.append(q);
  }
  if (ev.negated) {
    const n = document.createElement('p');
    n.className = 'negated';
    n.textContent = 'negated: the sentence says this did not happen';
    div.append(n);
  }
  return div;
}

// ---- search with suggestions

let suggestionSeq = 0;
let active = -1;

async function suggest() {
  const q = $('search').value.trim();
  const seq = ++suggestionSeq;
  if (!q) { showSuggestions([]); return; }
  try {
    const d = await gql(`query($q: String!) { entities(search: $q, first: 8) { edges { node { id name type aliases mentionCount } } } }`, {q});
    if (seq === suggestionSeq) showSuggestions(d.entities.edges.map((e) => e.node));
  } catch (err) {
    status(String(err.message || err));
  }
}

function showSuggestions(list) {
  const ul = $('suggestions');
  ul.replaceChildren();
  active = -1;
  list.forEach((e, i) => {
    const li = document.createElement('li');
    li.id = 'suggestion-' + i;
    li.setAttribute('role', 'option');
    li.dataset.id = e.id;
    const small = document.createElement('small');
    small.textContent = ` ${e.type.toLowerCase()} · ${e.mentionCount}` + (e.aliases.length ? ` · ${e.aliases.slice(0, 3).join(', ')}` : '');
    li.append(e.name, small);
    li.addEventListener('mousedown', (ev) => { ev.preventDefault(); pick(e.id); });
    ul.append(li);
  });
  ul.hidden = list.length === 0;
  $('combo').setAttribute('aria-expanded', String(!ul.hidden));
}

function moveActive(step) {
  const items = $('suggestions').children;
  if (!items.length) return;
  if (active >= 0) items[active].setAttribute('aria-selected', 'false');
  active = (active + step + items.length) % items.length;
  items[active].setAttribute('aria-selected', 'true');
  $('search').setAttribute('aria-activedescendant', items[active].id);
}

async function pick(id) {
  showSuggestions([]);
  $('search').value = '';
  state.ids = [];
  state.sel = '';
  cy.elements().remove();
  await expand(id);
  select(id);
}

// ---- wiring

function wire() {
  let timer;
  const search = $('search');
  search.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(suggest, 120); });
  search.addEventListener('keydown', (e) => {
    const items = $('suggestions').children;
    if (e.key === 'ArrowDown') { e.preventDefault(); moveActive(1); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); moveActive(-1); }
    else if (e.key === 'Enter' && items.length) { e.preventDefault(); pick(items[Math.max(active, 0)].dataset.id); }
    else if (e.key === 'Escape') showSuggestions([]);
  });
  search.addEventListener('blur', () => setTimeout(() => showSuggestions([]), 150));
  document.addEventListener('keydown', (e) => {
    if (e.key === '/' && document.activeElement.tagName !== 'INPUT') { e.preventDefault(); search.focus(); }
  });
  checkboxes($('types'), TYPES, 'types');
  checkboxes($('sectors'), SECTORS, 'sectors');
  checkboxes($('kinds'), KINDS, 'kinds');
  $('predicate').value = state.pred;
  $('predicate').addEventListener('input', () => { state.pred = $('predicate').value; applyFilters(); writeHash(); });
  $('since').addEventListener('input', onTime);
  $('until').addEventListener('input', onTime);
  for (const k of ['size', 'colour']) {
    $(k).value = state[k];
    $(k).addEventListener('change', () => {
      state[k] = $(k).value;
      writeHash();
      if (k === 'size' && state.size === 'betweenness') load(); else restyle();
    });
  }
  $('relayout').addEventListener('click', layout);
  $('clear').addEventListener('click', () => { state.ids = []; state.sel = ''; cy.elements().remove(); listNodes(); writeHash(); });
  cy.on('tap', 'node', (e) => { select(e.target.id()); if (!state.ids.includes(e.target.id())) expand(e.target.id()); });
  cy.on('tap', 'edge', (e) => select(e.target.id()));
  window.addEventListener('hashchange', () => { readHash(); load(); });
}

async function detectFeatures() {
  try {
    const d = await gql('{ __type(name: "Entity") { fields { name } } }');
    features.analytics = d.__type.fields.some((f) => f.name === 'centrality');
  } catch (err) {
    features.analytics = false;
  }
  for (const id of ['size', 'colour']) {
    for (const o of $(id).options) if (o.value !== 'mentions' && o.value !== 'type') o.disabled = !features.analytics;
  }
}

async function main() {
  readHash();
  wire();
  updateExports();
  await detectFeatures();
  await load();
  document.body.dataset.ready = 'true';
}

main();
