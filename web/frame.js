// dispute-map-frame.js: the host page's side of a dispute map in a frame. Include it once:
//
//   <iframe data-dispute-map-frame src="/tools/dispute-map/index.html?compact" title="…"></iframe>
//   <script type="module" src="/tools/dispute-map/dispute-map-frame.js"></script>
//
// Every <iframe data-dispute-map-frame> then takes the height of its map, and the map's events
// (dispute-map-select, -view, -load, -error) are dispatched on the <iframe> element. A message
// counts only when it comes from that frame's window and that frame's origin. Call
// DisputeMapFrames.select(iframe, "party/openai"), .show(iframe, "timeline") or
// .theme(iframe, "dark") to talk to the map.

const SELECTOR = "iframe[data-dispute-map-frame]";
const EVENTS = { "dispute-map:select": ["kind", "id"], "dispute-map:view": ["view"], "dispute-map:load": ["title", "counts"], "dispute-map:error": ["problems"] };

function originOf(frame) {
  try {
    return new URL(frame.src, location.href).origin;
  } catch {
    return null;
  }
}

function frameOf(source) {
  for (const frame of document.querySelectorAll(SELECTOR)) if (frame.contentWindow === source) return frame;
  return null;
}

function post(frame, message) {
  const origin = originOf(frame);
  if (origin && frame.contentWindow) frame.contentWindow.postMessage(message, origin);
}

/** Only the fields an event has, as plain data, strings cut to a sane length. */
function detailOf(data, fields) {
  const detail = {};
  for (const field of fields) {
    const value = data[field];
    if (typeof value === "string") detail[field] = value.slice(0, 2000);
    else if (Array.isArray(value)) detail[field] = value.slice(0, 200).map((item) => String(item).slice(0, 2000));
    else if (value && typeof value === "object") detail[field] = Object.fromEntries(Object.entries(value).slice(0, 20).filter(([, count]) => Number.isFinite(count)));
    else if (value === null) detail[field] = null;
  }
  return detail;
}

addEventListener("message", (event) => {
  const frame = frameOf(event.source);
  if (!frame || event.origin !== originOf(frame)) return;
  const data = event.data;
  if (!data || typeof data !== "object" || typeof data.type !== "string") return;
  if (data.type === "dispute-map:ready") {
    post(frame, { type: "dispute-map:hello" });
  } else if (data.type === "dispute-map:height") {
    const height = Number(data.height);
    if (Number.isFinite(height) && height > 0 && height < 100000) frame.style.height = `${Math.ceil(height)}px`;
  } else if (EVENTS[data.type]) {
    const name = data.type.replace("dispute-map:", "dispute-map-");
    frame.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail: detailOf(data, EVENTS[data.type]) }));
  }
});

// Frames whose map was ready before this script ran are greeted now (a frame still blank greets
// back with "ready" once its map starts).
for (const frame of document.querySelectorAll(SELECTOR)) {
  let blank = false;
  try {
    blank = frame.contentWindow.location.href === "about:blank";
  } catch {
    // A page of another origin has loaded in it.
  }
  if (!blank) post(frame, { type: "dispute-map:hello" });
}

globalThis.DisputeMapFrames = {
  select: (frame, ref) => post(frame, { type: "dispute-map:select", ref: String(ref) }),
  show: (frame, view) => post(frame, { type: "dispute-map:view", view: String(view) }),
  theme: (frame, theme) => post(frame, { type: "dispute-map:theme", theme: String(theme) }),
};
