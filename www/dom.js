// Small DOM helpers shared by the page's modules.

/**
 * Creates an element. `props`: `class`, `text` (textContent), `on<event>`
 * listeners, anything else becomes an attribute (`true` → empty attribute,
 * `null`/`undefined`/`false` → left out). Children may be nodes, strings or
 * arrays of them; `null`/`undefined`/`false` children are skipped.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

/** Text safe to show: never "undefined", "null" or "NaN". */
export function shown(value) {
  if (value === undefined || value === null) return "";
  if (typeof value === "number" && !Number.isFinite(value)) return "";
  return String(value);
}

/**
 * Looks up UI strings from the engine's `messages()`; a missing key shows the
 * key itself. `{name}` placeholders are filled from `vars`.
 */
export function makeText(dict) {
  return (key, vars) => {
    let text = dict && typeof dict[key] === "string" ? dict[key] : key;
    if (vars) text = text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? shown(vars[name]) : whole));
    return text;
  };
}
