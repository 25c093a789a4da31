// Hash routes as the pre-rendered screen's responder reads and writes them: the rules of
// crates/core/src/route.rs (`parse`, `format`), applied to the words that module gives the build
// (`route::grammar()`: the kinds, the views, the default view and the bytes an id keeps). No
// kind or view is named here. tests/route_grammar.rs runs these functions beside the Rust ones
// on every route of the bundled dispute and on hostile hashes, and fails where they differ.
// tools/post-build.mjs writes this file into the responder in place of its import.

/** What a hash asks the default view to show: `null` for nothing selected, `{ kind, id }` for
 *  an entity, and `undefined` for anything else (another view, the walkthrough, a link that
 *  cannot be read), which only the app can show. */
export function selectionOf(hash, grammar) {
  const path = hash.startsWith("#") ? hash.slice(1) : hash;
  const segments = path.split("/").filter((segment) => segment !== "");
  if (segments.length > 0 && grammar.views.includes(segments[0])) {
    if (segments[0] !== grammar.default_view) return undefined;
    segments.shift();
  }
  if (segments.length === 0) return null;
  if (segments.length !== 2 || !grammar.kinds.includes(segments[0])) return undefined;
  return { kind: segments[0], id: decodePercent(segments[1]) };
}

/** The hash of the default view with `selection` selected (`null`: nothing), written as
 *  `route::format` writes it. */
export function hashOf(selection, grammar) {
  const view = `#/${grammar.default_view}`;
  return selection ? `${view}/${selection.kind}/${encodePercent(selection.id, grammar)}` : view;
}

function encodePercent(text, grammar) {
  let encoded = "";
  for (const byte of new TextEncoder().encode(text)) {
    const character = String.fromCharCode(byte);
    encoded += /[A-Za-z0-9]/.test(character) || grammar.plain_bytes.includes(character) ? character : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return encoded;
}

/** `%XX` as the byte it names, anything else as it is, and the bytes read as UTF-8 with a
 *  replacement character where they are not (as `String::from_utf8_lossy`). */
function decodePercent(text) {
  const bytes = new TextEncoder().encode(text);
  const decoded = [];
  const hex = (byte) => {
    const digit = String.fromCharCode(byte);
    return /^[0-9A-Fa-f]$/.test(digit) ? parseInt(digit, 16) : undefined;
  };
  for (let index = 0; index < bytes.length; index += 1) {
    if (bytes[index] === 0x25 && index + 2 < bytes.length) {
      const [high, low] = [hex(bytes[index + 1]), hex(bytes[index + 2])];
      if (high !== undefined && low !== undefined) {
        decoded.push(high * 16 + low);
        index += 2;
        continue;
      }
    }
    decoded.push(bytes[index]);
  }
  return new TextDecoder().decode(new Uint8Array(decoded));
}
