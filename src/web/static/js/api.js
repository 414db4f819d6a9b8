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

export async function api(method, path, body) {
  const init = { method, headers: { Accept: 'application/json' } };
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
