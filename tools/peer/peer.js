// The Cytoscape.js peer (see index.html): fetches the dispute, draws parties, contracts and
// clauses as a graph, and shows an entity's summary and statements when it is tapped.
// `window.__mapOnScreen` marks the frame after the graph is first drawn, for tools/bench.mjs.
(async () => {
  const dispute = await (await fetch("./dispute.json")).json();
  document.getElementById("title").textContent = dispute.title;
  const elements = [];
  const byId = new Map();
  const node = (id, label, kind, entry) => {
    byId.set(id, { kind, entry });
    elements.push({ data: { id, label, kind } });
  };
  for (const party of dispute.parties) node(party.id, party.short_name || party.name, "party", party);
  for (const contract of dispute.contracts) {
    node(contract.id, contract.short_title || contract.title, "contract", contract);
    for (const party of contract.parties) elements.push({ data: { id: `${contract.id}~${party}`, source: party, target: contract.id } });
  }
  for (const clause of dispute.clauses) {
    node(clause.id, clause.short_title || clause.title, "clause", clause);
    elements.push({ data: { id: `${clause.id}~${clause.contract}`, source: clause.contract, target: clause.id } });
  }
  const cy = cytoscape({
    container: document.getElementById("map"),
    elements,
    layout: { name: "breadthfirst", directed: true, spacingFactor: 1.1 },
    style: [
      { selector: "node", style: { label: "data(label)", "text-wrap": "wrap", "text-max-width": 120, "font-size": 11, "text-valign": "center", shape: "round-rectangle", width: 130, height: 44, "background-color": "#eef" } },
      { selector: "node[kind = 'contract']", style: { "background-color": "#fff6e0" } },
      { selector: "node[kind = 'clause']", style: { "background-color": "#fdecec", height: 36 } },
      { selector: "edge", style: { width: 1.5, "line-color": "#999", "curve-style": "bezier" } },
      { selector: ":selected", style: { "border-width": 3, "border-color": "#2255cc" } },
    ],
  });
  cy.one("render", () => requestAnimationFrame(() => { window.__mapOnScreen ??= performance.now(); }));
  const details = document.getElementById("details");
  cy.on("tap", "node", (event) => {
    const { kind, entry } = byId.get(event.target.id());
    const about = dispute.statements.filter((statement) => (statement.about || []).includes(entry.id));
    details.replaceChildren();
    const heading = document.createElement("h2");
    heading.textContent = entry.name || entry.title;
    const summary = document.createElement("p");
    summary.textContent = entry.summary || entry.role || "";
    const list = document.createElement("ul");
    for (const statement of about) {
      const item = document.createElement("li");
      item.textContent = `“${statement.quote}” — ${statement.speaker.description}`;
      list.append(item);
    }
    details.append(heading, summary, list);
    details.dataset.kind = kind;
  });
})();
