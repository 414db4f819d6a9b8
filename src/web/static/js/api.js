// Calls to the talentscan API (/v1). Errors are RFC 9457 problem+json with
// `errors: [{pointer, message}]`; callers get them as ApiError.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.errors = Array.isArray(problem?.errors) ? problem.errors : [];
  }
}

export async function api(method, path, body, headers = {}) {
  const init = { method, headers: { Accept: 'application/json', ...headers } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const res = await fetch(`/v1${path}`, init);
  const text = await res.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}

/** Every item of a paged list endpoint (`{items, total, limit, offset}`). */
export async function listAll(path, params = {}) {
  const items = [];
  const limit = 100;
  for (let offset = 0; offset < 2000; offset += limit) {
    const q = new URLSearchParams({ ...params, limit: String(limit), offset: String(offset) });
    const page = await api('GET', `${path}?${q}`);
    items.push(...page.items);
    if (items.length >= page.total || page.items.length === 0) break;
  }
  return items;
}

export const getQuestionnaire = (lang) => api('GET', `/questionnaires/talentscan?lang=${encodeURIComponent(lang)}`);
export const getTaxonomies = () => api('GET', '/taxonomies');
export const postScan = (body) => api('POST', '/scans', body);
export const getScan = (id) => api('GET', `/scans/${encodeURIComponent(id)}`);
export const deleteScan = (id) => api('DELETE', `/scans/${encodeURIComponent(id)}`);
export const postMatches = (body) => api('POST', '/matches', body);
export const postCarving = (body) => api('POST', '/carvings', body);

// Closing the loop: a resident's response to a task, erasing it, a click through to a task's
// own page, and the organisation's view of its responses and the outcomes it reports.
export const postResponse = (body) => api('POST', '/responses', body);
export const deleteResponse = (id, token) => api('DELETE', `/responses/${encodeURIComponent(id)}`, undefined, { 'Erase-Token': token });
export const getOrganisationResponses = (org, key) => api('GET', `/organisations/${encodeURIComponent(org)}/responses`, undefined, { Authorization: `Bearer ${key}` });
export const postOutcome = (id, key, body) => api('POST', `/responses/${encodeURIComponent(id)}/outcomes`, body, { Authorization: `Bearer ${key}` });

// The anonymous figures per wijk (/inzicht): an admin key or a key with the insight scope.
// Without a month the server gives the last month that is over.
export const getInsightNeeds = (key, month = null) =>
  api('GET', `/insight/needs${month ? `?month=${encodeURIComponent(month)}` : ''}`, undefined, { Authorization: `Bearer ${key}` });

/** The wijk shapes for the map (GeoJSON, served next to the pages); null when they cannot load. */
export async function getWijkShapes() {
  try {
    const r = await fetch('/assets/data/denhaag-wijken.geojson', { headers: { Accept: 'application/geo+json, application/json' } });
    return r.ok ? await r.json() : null;
  } catch {
    return null;
  }
}

/**
 * Records (anonymously) that the resident followed a task's own link. Sent while the page
 * goes away to that link: fetch with keepalive, else navigator.sendBeacon. Never throws.
 */
export function sendClickThrough(matchId, taskId) {
  if (!matchId || !taskId) return;
  const body = JSON.stringify({ match_id: matchId, task_id: taskId });
  try {
    fetch('/v1/click-throughs', { method: 'POST', keepalive: true, headers: { 'Content-Type': 'application/json' }, body }).catch(() => {});
    return;
  } catch {
    /* no keepalive fetch: try a beacon */
  }
  try {
    navigator.sendBeacon?.('/v1/click-throughs', new Blob([body], { type: 'application/json' }));
  } catch {
    /* nothing to do: the link still opens */
  }
}
