// Small DOM helpers shared by the page's modules, and the form controls
// built the same way wherever they appear.

/**
 * Creates an element. `props`: `class`, `text` (textContent), `style` (CSS text), `on<event>`
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
    // Through the CSSOM: the Content-Security-Policy (style-src 'self') blocks style attributes.
    else if (key === "style") node.style.cssText = value;
    else if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

/**
 * Replaces a node's children, skipping `null`/`undefined`/`false` as `el()`
 * does (`replaceChildren` itself would write them out as text: "null").
 */
export function fill(node, ...children) {
  node.replaceChildren(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

/** A plain click, which a link may take over (Ctrl- or middle-click keeps opening a tab). */
export function isPlainClick(event) {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/** Text safe to show: never "undefined", "null" or "NaN". */
export function shown(value) {
  if (value === undefined || value === null) return "";
  if (typeof value === "number" && !Number.isFinite(value)) return "";
  return String(value);
}

/** CLDR plural categories in the order a language file lists its forms ({n|one|few|many|other}). */
const PLURAL_ORDER = ["zero", "one", "two", "few", "many", "other"];

/**
 * Which of a text's forms fits `value` in language `lang`. A number decides
 * by itself; a number already written out ("1,234", "2,5") decides by its
 * integer digits and whether it shows a fraction, as the engine does.
 */
function pluralIndex(lang, value, decimal) {
  let n = value;
  if (typeof n !== "number") {
    const text = shown(value);
    const cut = text.lastIndexOf(decimal);
    const integer = cut >= 0 ? text.slice(0, cut) : text;
    const fraction = cut >= 0 ? text.slice(cut + 1) : "";
    n = Number(integer.replace(/\D/g, "") || 0) + (/\d/.test(fraction) ? 0.5 : 0);
  }
  try {
    const rules = new Intl.PluralRules(lang);
    const categories = PLURAL_ORDER.filter((c) => rules.resolvedOptions().pluralCategories.includes(c));
    return Math.max(0, categories.indexOf(rules.select(n)));
  } catch {
    return n === 1 ? 0 : 1;
  }
}

/**
 * Looks up UI strings from the engine's `messages()`; a missing key shows the
 * key itself. `{name}` placeholders are filled from `vars`; `{name|one|other}`
 * picks the plural form that fits `vars[name]` in `options.lang`.
 * `options.number` writes number values for the reader (default: as is).
 */
export function makeText(dict, options = {}) {
  const lang = options.lang || "en";
  const number = options.number || shown;
  let decimal = ".";
  try {
    decimal = new Intl.NumberFormat(options.numberLocale || lang).formatToParts(1.5).find((p) => p.type === "decimal").value;
  } catch {
    // Keep the point.
  }
  const write = (value) => (typeof value === "number" ? number(value) : shown(value));
  return (key, vars) => {
    let text = dict && typeof dict[key] === "string" ? dict[key] : key;
    if (vars) {
      text = text.replace(/\{(\w+)((?:\|[^{}|]*)+)?\}/g, (whole, name, forms) => {
        if (!(name in vars)) return whole;
        if (!forms) return write(vars[name]);
        const choices = forms.slice(1).split("|");
        return choices[Math.min(pluralIndex(lang, vars[name], decimal), choices.length - 1)];
      });
    }
    return text;
  };
}

/**
 * Shows `message` in a field's error element (or clears it) and ties it to
 * the control, so a screen reader announces the error with the field: the
 * control gets aria-invalid and is described by its help (when it has one)
 * then its error. One rule for every field of the page.
 */
export function showFieldError(control, error, message, helpId = null) {
  error.textContent = message || "";
  error.hidden = !message;
  if (message) control.setAttribute("aria-invalid", "true");
  else control.removeAttribute("aria-invalid");
  const described = [helpId, message ? error.id : null].filter(Boolean).join(" ");
  if (described) control.setAttribute("aria-describedby", described);
  else control.removeAttribute("aria-describedby");
}

/** A `.setting` box: a label for `id`, its control, then help or error. */
export function setting(id, label, control, ...more) {
  return el("div", { class: "setting" }, el("label", { for: id, text: label }), control, ...more);
}

/** Options for `codes`, named by the texts `prefix + code` (else the code). */
export function namedOptions(codes, t, prefix) {
  return codes.map((code) => {
    const name = t(`${prefix}${code}`);
    return el("option", { value: code, text: name === `${prefix}${code}` ? code : name });
  });
}

/** The currency select of `state.currency`; a change sets it and calls `onChange`. */
export function currencySelect(id, t, state, onChange) {
  const select = el("select", { id, name: "currency" }, namedOptions(state.currencies, t, "currency."));
  select.value = state.currency;
  select.addEventListener("change", () => {
    state.currency = select.value;
    state.currencyPicked = true; // from now on the reader's choice, not the locale's
    onChange();
  });
  return select;
}
