// detente dashboard: draws each page from the JSON API. Plain JavaScript and SVG, no library.
"use strict";

const QUADS = ["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"];
const QUAD_NAMES = ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];
const SVG = "http://www.w3.org/2000/svg";
const content = document.getElementById("content");
const data = document.body.dataset;

async function api(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") query.set(key, value);
  }
  const response = await fetch(query.toString() ? `${path}?${query}` : path);
  const body = await response.json();
  if (!response.ok) throw new Error(typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail));
  return body;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "onclick") node.addEventListener("click", value);
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child ?? "")));
  return node;
}

function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  return node;
}

function legend() {
  return el("p", { class: "legend" }, ...QUAD_NAMES.map((name, i) => el("span", {}, el("i", { class: `q${i + 1}`, style: `background:var(--q${i + 1})` }), name)));
}

function actorLabel(actor) {
  if (!actor) return "–";
  return actor.person ? `${actor.code} (${actor.person})` : actor.code;
}

function eventsTable(events) {
  if (!events.length) return el("p", { class: "muted" }, "No events.");
  const rows = events.map((e) =>
    el("tr", {},
      el("td", {}, e.date ?? "–"),
      el("td", {}, actorLabel(e.source)),
      el("td", {}, el("a", { href: `/event/${e.record_id}`, class: "event-link" }, `${e.code} ${e.code_name}`)),
      el("td", {}, actorLabel(e.target)),
      el("td", {}, e.n_articles),
      el("td", {}, e.evidence.text.length > 160 ? e.evidence.text.slice(0, 157) + "…" : e.evidence.text)));
  return el("table", { class: "events" },
    el("thead", {}, el("tr", {}, ...["date", "source", "event", "target", "articles", "evidence"].map((h) => el("th", {}, h)))),
    el("tbody", {}, ...rows));
}

function periodEnd(start, by) {
  const day = new Date(`${start}T00:00:00Z`);
  if (by === "day") day.setUTCDate(day.getUTCDate());
  else if (by === "week") day.setUTCDate(day.getUTCDate() + 6);
  else if (by === "month") { day.setUTCMonth(day.getUTCMonth() + 1); day.setUTCDate(0); }
  else { day.setUTCFullYear(day.getUTCFullYear() + 1); day.setUTCDate(0); }
  return day.toISOString().slice(0, 10);
}

// A stacked bar per period (the four quad classes), clickable; a line for the Goldstein mean.
function seriesChart(series, onPick) {
  const width = 960, height = 300, left = 40, bottom = 40, top = 10;
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, class: "series" });
  if (!series.length) return el("p", { class: "muted" }, "No dated events.");
  const most = Math.max(...series.map((row) => row.n));
  const step = Math.min(60, (width - left - 10) / series.length);
  const scale = (height - bottom - top) / most;
  chart.append(svg("line", { x1: left, x2: width, y1: height - bottom, y2: height - bottom, stroke: "#999" }));
  series.forEach((row, i) => {
    let y = height - bottom;
    const group = svg("g", { class: "period clickable", "data-period": row.period });
    QUADS.forEach((quad, q) => {
      const h = row[quad] * scale;
      if (h > 0) {
        group.append(svg("rect", { x: left + i * step + 1, y: y - h, width: Math.max(1, step - 2), height: h, class: `q${q + 1}` }));
        y -= h;
      }
    });
    const title = svg("title");
    title.textContent = `${row.period}: ${row.n} events, Goldstein mean ${row.goldstein_mean.toFixed(2)}`;
    group.append(title);
    group.addEventListener("click", () => onPick(row));
    chart.append(group);
    if (series.length <= 40 || i % Math.ceil(series.length / 20) === 0) {
      const label = svg("text", { x: left + i * step + 2, y: height - bottom + 14 });
      label.textContent = row.period;
      chart.append(label);
    }
  });
  // Goldstein mean, -10 to +10, on its own axis
  const points = series.map((row, i) => `${left + (i + 0.5) * step},${top + (10 - row.goldstein_mean) / 20 * (height - bottom - top)}`);
  chart.append(svg("polyline", { points: points.join(" "), fill: "none", stroke: "#24292f", "stroke-width": 1.5, "stroke-dasharray": "4 3" }));
  const axis = svg("text", { x: 2, y: top + 10 });
  axis.textContent = `${most}`;
  chart.append(axis);
  return chart;
}

const pages = {
  async overview() {
    const stats = await api("/api/stats");
    const timeline = await api("/api/timeline", { by: "month" });
    content.replaceChildren(
      el("div", { class: "cards" },
        el("div", { class: "card" }, el("b", {}, stats.records), "events (records)"),
        el("div", { class: "card" }, el("b", {}, stats.events), "reports"),
        el("div", { class: "card" }, el("b", {}, stats.articles), "articles"),
        el("div", { class: "card" }, el("b", {}, `${stats.first_date ?? "–"} to ${stats.last_date ?? "–"}`), "event dates")),
      el("h2", {}, "Most active dyads"),
      el("table", { class: "dyads" },
        el("thead", {}, el("tr", {}, el("th", {}, "source"), el("th", {}, "target"), el("th", {}, "events"))),
        el("tbody", {}, ...stats.top_dyads.map((d) =>
          el("tr", {},
            el("td", {}, d.source), el("td", {}, d.target),
            el("td", {}, el("a", { href: `/dyad?a=${encodeURIComponent(d.source)}&b=${encodeURIComponent(d.target)}`, class: "dyad-link" }, `${d.events} events`)))))),
      el("h2", {}, "Cooperation and conflict by month"),
      legend(),
      seriesChart(timeline.series, (row) => { location.href = `/search?from=${row.period}&to=${periodEnd(row.period, "month")}`; }));
  },

  async dyad() {
    const a = data.a || "IRN", b = data.b || "USA", by = data.by || "month";
    const form = el("form", { class: "filters", method: "get", action: "/dyad" },
      el("input", { name: "a", value: a, size: 8, "aria-label": "first actor" }),
      el("input", { name: "b", value: b, size: 8, "aria-label": "second actor" }),
      el("select", { name: "by" }, ...["day", "week", "month", "year"].map((p) => { const o = el("option", { value: p }, p); if (p === by) o.selected = true; return o; })),
      el("button", { type: "submit" }, "Show"));
    const found = await api("/api/dyads", { a, b, by });
    const list = el("div", { id: "period-events" }, el("p", { class: "muted" }, "Click a bar to list its events."));
    content.replaceChildren(form, legend(),
      seriesChart(found.series, async (row) => {
        const events = await api("/api/events", { actor: a, from: row.period, to: periodEnd(row.period, by), limit: 1000 });
        const pair = events.events.filter((e) => [e.source?.country ?? `IGO:${e.source?.igo}`, e.target?.country ?? `IGO:${e.target?.igo}`].includes(b.toUpperCase()));
        list.replaceChildren(el("h2", {}, `${a}–${b}, ${row.period}: ${pair.length} events`), eventsTable(pair));
      }),
      el("p", { class: "muted" }, "Bars: events per quad class; dashed line: mean Goldstein score (−10 to +10)."),
      list);
  },

  async network() {
    const found = await api("/api/network", { limit: 80 });
    const edges = found.edges;
    const names = [...new Set(edges.flatMap((e) => [e.source, e.target]))];
    const width = 900, height = 700, cx = width / 2, cy = height / 2, radius = 300;
    const at = Object.fromEntries(names.map((name, i) => [name, [cx + radius * Math.cos(2 * Math.PI * i / names.length), cy + radius * Math.sin(2 * Math.PI * i / names.length)]]));
    const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, class: "network" });
    const heaviest = Math.max(1, ...edges.map((e) => e.weight));
    const list = el("div", { id: "edge-events" }, el("p", { class: "muted" }, "Click an edge to list its events."));
    for (const edge of edges) {
      const counts = QUADS.map((q) => edge[q]);
      const quad = counts.indexOf(Math.max(...counts)) + 1;
      const [x1, y1] = at[edge.source], [x2, y2] = at[edge.target];
      const line = svg("line", { x1, y1, x2, y2, class: `q${quad} edge clickable`, "stroke-width": 1 + 6 * edge.weight / heaviest, "stroke-opacity": 0.6 });
      const title = svg("title");
      title.textContent = `${edge.source} → ${edge.target}: ${edge.weight} events`;
      line.append(title);
      line.addEventListener("click", async () => {
        const events = await api("/api/events", { actor: edge.source, limit: 1000 });
        const pair = events.events.filter((e) => (e.target?.country ?? `IGO:${e.target?.igo}`) === edge.target && (e.source?.country ?? `IGO:${e.source?.igo}`) === edge.source);
        list.replaceChildren(el("h2", {}, `${edge.source} → ${edge.target}`), eventsTable(pair));
      });
      chart.append(line);
    }
    for (const name of names) {
      const [x, y] = at[name];
      chart.append(svg("circle", { cx: x, cy: y, r: 5, fill: "#24292f" }));
      const label = svg("text", { x: x + 7, y: y + 4 });
      label.textContent = name;
      chart.append(label);
    }
    content.replaceChildren(legend(), chart, list);
  },

  async map() {
    const params = new URLSearchParams(location.search);
    const families = [["", "every family"], ["01", "01 public statements"], ["02", "02 appeals"], ["03", "03 intents to cooperate"], ["04", "04 consultations"], ["05", "05 diplomatic cooperation"], ["06", "06 material cooperation"], ["07", "07 aid"], ["08", "08 yielding"], ["09", "09 investigations"], ["10", "10 demands"], ["11", "11 disapproval"], ["12", "12 rejections"], ["13", "13 threats"], ["14", "14 protests"], ["15", "15 force posture"], ["16", "16 reduced relations"], ["17", "17 coercion"], ["18", "18 assaults"], ["19", "19 fighting"], ["20", "20 mass violence"]];
    const family = el("select", { name: "code", "aria-label": "family" }, ...families.map(([code, name]) => { const o = el("option", { value: code }, name); if (code === (params.get("code") ?? "")) o.selected = true; return o; }));
    const form = el("form", { class: "filters", method: "get", action: "/map" },
      el("input", { name: "from", placeholder: "from YYYY-MM-DD", value: params.get("from") ?? "", size: 14, "aria-label": "from" }),
      el("input", { name: "to", placeholder: "to YYYY-MM-DD", value: params.get("to") ?? "", size: 14, "aria-label": "to" }),
      family, el("button", { type: "submit" }, "Show"));
    const found = await api("/api/places", { from: params.get("from"), to: params.get("to"), code: params.get("code"), limit: 1000 });
    const width = 1000, height = 500;
    const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, class: "map" });
    const x = (lon) => (lon + 180) / 360 * width, y = (lat) => (90 - lat) / 180 * height;
    for (let lon = -180; lon <= 180; lon += 30) chart.append(svg("line", { x1: x(lon), x2: x(lon), y1: 0, y2: height, stroke: "#e3e8ee" }));
    for (let lat = -90; lat <= 90; lat += 30) chart.append(svg("line", { x1: 0, x2: width, y1: y(lat), y2: y(lat), stroke: "#e3e8ee" }));
    // the background: every country at its capital, named by its code
    const world = await api("/api/countries");
    for (const country of world.countries) {
      chart.append(svg("circle", { cx: x(country.lon), cy: y(country.lat), r: 1.5, fill: "#9aa5b1" }));
      const label = svg("text", { x: x(country.lon) + 2, y: y(country.lat) - 2, class: "country" });
      label.textContent = country.iso3;
      chart.append(label);
    }
    const most = Math.max(1, ...found.places.map((p) => p.n_events));
    for (const place of found.places.filter((p) => p.lat !== null && p.lon !== null)) {
      const dot = svg("circle", { cx: x(place.lon), cy: y(place.lat), r: 3 + 12 * Math.sqrt(place.n_events / most), fill: "#de2d26", "fill-opacity": 0.55, class: "place clickable" });
      const title = svg("title");
      title.textContent = `${place.name} (${place.country ?? "?"}): ${place.n_events} events`;
      dot.append(title);
      dot.addEventListener("click", () => { location.href = `/search?place=${encodeURIComponent(place.name)}`; });
      chart.append(dot);
    }
    content.replaceChildren(form,
      el("p", { class: "muted" }, "Each red circle is a place events happened, sized by their number; grey dots are the world's capitals (longitude and latitude, 30° grid). Click a circle to list its events."),
      chart);
  },

  async search() {
    const params = new URLSearchParams(location.search);
    const fields = ["text", "actor", "code", "place", "from", "to"];
    const form = el("form", { class: "filters", method: "get", action: "/search" },
      ...fields.map((f) => el("input", { name: f, placeholder: f, value: params.get(f) ?? "", size: f === "text" ? 28 : 10, "aria-label": f })),
      el("button", { type: "submit" }, "Search"));
    const query = Object.fromEntries(fields.map((f) => [f, params.get(f) ?? ""]));
    const found = await api("/api/events", { ...query, limit: 200, sort: "-date" });
    content.replaceChildren(form, el("p", { class: "muted" }, `${found.count} events`), eventsTable(found.events));
  },

  async event() {
    const record = await api(`/api/events/${encodeURIComponent(data.record)}`);
    const report = record.reports.find((r) => r.article_id === record.article_id && r.event_id === record.event_id) ?? record.reports[0];
    const article = await api(`/api/articles/${encodeURIComponent(report.article_id)}`);
    const text = article.text;
    // the evidence sentence, with the source, target and trigger marked inside it
    const marks = [
      ["source", report.source?.span], ["target", report.target?.span], ["trigger", report.trigger],
    ].filter(([, span]) => span && span.start >= report.evidence.start && span.end <= report.evidence.end)
      .sort((p, q) => p[1].start - q[1].start);
    const evidence = el("mark", { class: "evidence" });
    let at = report.evidence.start;
    for (const [kind, span] of marks) {
      if (span.start < at) continue;
      evidence.append(text.slice(at, span.start), el("span", { class: kind, title: kind }, text.slice(span.start, span.end)));
      at = span.end;
    }
    evidence.append(text.slice(at, report.evidence.end));
    const body = el("div", { class: "article", id: "article-text" }, text.slice(0, report.evidence.start), evidence, text.slice(report.evidence.end));
    const place = report.location ? `${report.location.name} (${report.location.country ?? "?"}${report.location.admin1 ? ", " + report.location.admin1 : ""}), found by ${report.location.method}` : "–";
    const facts = el("dl", { class: "facts" },
      el("dt", {}, "event"), el("dd", {}, `${report.code} ${report.code_name} (Goldstein ${report.goldstein}, quad class ${report.quad_class}, PLOVER ${report.plover_type})`),
      el("dt", {}, "meaning"), el("dd", {}, record.code_description ?? "–"),
      el("dt", {}, "source"), el("dd", {}, `${actorLabel(report.source)} — “${report.source?.text ?? ""}” (${report.source?.rule ?? ""})`),
      el("dt", {}, "target"), el("dd", {}, report.target ? `${actorLabel(report.target)} — “${report.target.text}” (${report.target.rule})` : "–"),
      el("dt", {}, "date"), el("dd", {}, `${report.date ?? "–"} (${report.date_precision ?? "?"}, ${report.date_method})`),
      el("dt", {}, "place"), el("dd", {}, place),
      el("dt", {}, "rule"), el("dd", {}, `${report.provenance.coder}: ${report.provenance.rule}`),
      el("dt", {}, "confidence"), el("dd", {}, report.confidence),
      el("dt", {}, "reports"), el("dd", {}, `${record.n_mentions} reports in ${record.n_articles} articles from ${record.n_sources} sources`));
    const quotes = article.quotes.map((q) => el("blockquote", {}, `“${q.span.text}” — ${q.speaker ? actorLabel(q.speaker) : "unknown speaker"}`));
    const others = record.reports.filter((r) => r.article_id !== report.article_id);
    content.replaceChildren(
      el("h2", {}, article.title ?? report.article_id),
      facts,
      el("h2", {}, "Evidence in the article"),
      body,
      el("h2", {}, "Quotations"), ...(quotes.length ? quotes : [el("p", { class: "muted" }, "None.")]),
      el("h2", {}, "Other articles reporting this event"),
      others.length ? el("ul", {}, ...others.map((r) => el("li", {}, `${r.article_id}: ${r.evidence.text}`))) : el("p", { class: "muted" }, "None."));
  },
};

(pages[document.body.dataset.page] ?? (async () => {}))().catch((error) => {
  content.replaceChildren(el("p", { class: "error" }, `Could not load: ${error.message}`));
});
