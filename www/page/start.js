// How the page starts, shared by the first paint (shell.js, before the
// engine has downloaded) and the page itself (app.js): the state from the
// address and this device's memory, the metric and values shown first, the
// currency, and the header's words.

import { namedOptions } from "../shared/dom.js";
import { codesIn, chooseLanguage, chooseCurrency, currencyForLocale } from "../shared/texts.js";

const $ = (id) => document.getElementById(id);

/**
 * The page state at start, from the address and what this device remembers
 * (`saved`). A bare address (no metric, no values) reopens what was last
 * shown; the language is the address's, else the one last picked from the
 * menu. `probe` is the texts of that language (English for an unknown one,
 * which list every language there is), `known` the languages there are.
 */
export function startState(address, saved, messages) {
  const bare = !address.metric && Object.keys(address.values).length === 0;
  const restored = bare && Boolean(saved.metric);
  const askedLang = address.lang || saved.lang || null;
  const probe = messages(askedLang || "en");
  const known = codesIn(probe, "lang.");
  const lang = chooseLanguage(askedLang, known);
  const state = {
    lang,
    // How the reader writes numbers (`1.234` is 1234 in Polish, 1.234 in
    // English): a shared link's `lang=`, whose numbers were typed in that
    // language; else their device's language, even when the page's words
    // are not in it yet, until they pick a language themselves.
    numberLocale: askedLang && known.includes(String(askedLang).toLowerCase()) ? lang : navigator.language || "en",
    langPicked: !address.lang && Boolean(saved.lang), // remembered only when picked from the menu
    currency: null,
    // Picked from a menu, given by the address or typed with an amount;
    // until then the currency follows the reader's locale.
    currencyPicked: false,
    currencies: [],
    sector: address.sector || (bare && saved.sector) || "",
    metric: null,
    values: {},
    touched: new Set(),
    valuesByMetric: new Map(restored ? Object.entries(saved.valuesByMetric || {}) : []), // what was typed for each metric visited, kept when switching
    view: address.view, // "calculator" or "data"
  };
  return { state, probe, known, bare, restored };
}

/** The header's and footer's words, and the language menu, in the page's language. */
export function writeChrome(t, known, lang) {
  document.documentElement.lang = lang;
  $("title").textContent = t("ui.title");
  $("tagline").textContent = t("ui.tagline");
  $("privacy").textContent = t("ui.privacy");
  $("footer").textContent = t("ui.footer");
  $("views").setAttribute("aria-label", t("data.page.nav_label"));
  $("view-calculator").textContent = t("data.page.nav_calculator");
  $("view-data").textContent = t("data.page.nav_data");
  $("language-label").textContent = t("ui.language");
  $("header-menu").textContent = t("ui.menu");
  const select = $("language");
  select.replaceChildren(...namedOptions(known, t, "lang."));
  select.value = lang;
  $("language-field").hidden = known.length < 2;
}

/** The currency in `dict`'s language: the one picked, else the reader's locale's. */
export function currencyFor(state, dict) {
  state.currencies = codesIn(dict, "currency.");
  state.currency = state.currencyPicked
    ? chooseCurrency(state.currency, state.currencies)
    : currencyForLocale(state.numberLocale, state.currencies);
}

/**
 * The metric and values shown first: the address's, or on a bare address
 * what was last shown (`restored`), from `metrics` (the catalog).
 */
export function firstView(state, metrics, { address, saved, restored }) {
  state.currency = address.currency || saved.currency;
  state.currencyPicked = Boolean(state.currency);
  const shown = restored ? { metric: saved.metric, values: saved.values || {} } : address;
  state.metric = metrics.find((m) => m.id === shown.metric) || metrics[0];
  for (const id of state.metric.inputs.map((input) => input.id)) {
    if (typeof shown.values[id] === "string") state.values[id] = shown.values[id];
  }
}
