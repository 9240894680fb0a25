// Starts the engine, reads the address, and wires the picker and the calculator.

import { readAddress, queryFor, writeAddress } from "./address.js";
import { makeText } from "./dom.js";
import { createPicker } from "./picker.js";
import { createCalculator } from "./calculator.js";

const $ = (id) => document.getElementById(id);

/** Codes listed by the engine's texts as "<prefix>.<code>" keys. */
function codesIn(dict, prefix) {
  return Object.keys(dict).filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length));
}

function chooseLanguage(requested, known) {
  const wanted = [requested, ...(navigator.languages || []), navigator.language]
    .filter(Boolean)
    .map((tag) => String(tag).toLowerCase().split(/[-_]/)[0]);
  return wanted.find((code) => known.includes(code)) || (known.includes("en") ? "en" : known[0]);
}

function showFailure(err, engine) {
  try {
    if (engine) {
      const t = makeText(engine.messages(document.documentElement.lang || "en"));
      const text = t("ui.load_failed");
      if (text !== "ui.load_failed") $("load-failed-text").textContent = text;
    }
  } catch {
    // The engine cannot even give its texts: keep the static line.
  }
  $("load-failed-detail").textContent = err && err.message ? err.message : String(err);
  $("loading").hidden = true;
  $("app").hidden = true;
  $("load-failed").hidden = false;
  $("main").removeAttribute("aria-busy");
}

function run(engine) {
  const { catalog, compute, messages } = engine;
  const address = readAddress();

  // An unknown language gets English texts, which list every language there is.
  const probe = messages(address.lang || "en");
  const known = codesIn(probe, "lang.");

  const state = {
    lang: chooseLanguage(address.lang, known),
    // How the reader writes numbers (`1.234` is 1234 in Polish, 1.234 in
    // English): their device's language, even when the page's words are not
    // in it yet, until they pick a language themselves.
    numberLocale: navigator.language || "en",
    currency: null,
    currencies: [],
    sector: address.sector || "",
    metric: null,
    values: {},
    touched: new Set(),
    valuesByMetric: new Map(), // what was typed for each metric visited, kept when switching
  };

  let t = makeText(probe);
  let metrics = [];

  const inputIds = () => state.metric.inputs.map((input) => input.id);
  const hasSector = (metric) => Array.isArray(metric.sectors) && metric.sectors.some((s) => s.id === state.sector);

  function addressState() {
    return {
      metric: state.metric.id,
      inputs: inputIds(),
      values: state.values,
      lang: state.lang,
      currency: state.metric.money ? state.currency : null,
      sector: hasSector(state.metric) ? state.sector : null,
    };
  }

  const hrefFor = (id) => {
    const metric = metrics.find((m) => m.id === id);
    return queryFor({
      metric: id,
      lang: state.lang,
      currency: metric && metric.money ? state.currency : null,
      sector: metric && hasSector(metric) ? state.sector : null,
    });
  };

  /** What to show in a metric's form: what was typed there before, else the inputs it shares with the current one. */
  function valuesFor(metric) {
    if (state.valuesByMetric.has(metric.id)) return { ...state.valuesByMetric.get(metric.id) };
    const shared = {};
    for (const input of metric.inputs) {
      if (state.values[input.id] !== undefined) shared[input.id] = state.values[input.id];
    }
    return shared;
  }

  const picker = createPicker($("picker"), {
    onPick(id, { focus } = {}) {
      const metric = metrics.find((m) => m.id === id);
      if (!metric) return;
      if (metric !== state.metric) {
        state.valuesByMetric.set(state.metric.id, { ...state.values });
        state.values = valuesFor(metric);
        state.metric = metric;
        state.touched = new Set();
      }
      const heading = showMetric();
      writeAddress(addressState());
      if (focus) heading.focus();
    },
  });

  const calculator = createCalculator($("calculator"), {
    compute,
    onChange: () => writeAddress(addressState()),
  });

  function showMetric() {
    picker.setCurrent(state.metric.id, hrefFor);
    document.title = `${state.metric.name} — ${t("ui.title")}`;
    return calculator.show(t, state);
  }

  /** (Re)builds every text on the page in `state.lang`. */
  function loadLanguage() {
    const dict = messages(state.lang);
    t = makeText(dict);
    state.currencies = codesIn(dict, "currency.");
    if (!state.currencies.includes(state.currency)) {
      state.currency = state.currencies.includes("USD") ? "USD" : state.currencies[0];
    }
    metrics = catalog({ lang: state.lang });
    const currentId = state.metric ? state.metric.id : null;
    state.metric = metrics.find((m) => m.id === currentId) || metrics[0];

    document.documentElement.lang = state.lang;
    $("title").textContent = t("ui.title");
    $("tagline").textContent = t("ui.tagline");
    $("privacy").textContent = t("ui.privacy");
    $("skip-link").textContent = t("ui.skip_to_calculator");
    $("footer").textContent = t("ui.footer");
    $("language-label").textContent = t("ui.language");
    const select = $("language");
    select.replaceChildren(...known.map((code) => {
      const option = document.createElement("option");
      option.value = code;
      const name = t(`lang.${code}`);
      option.textContent = name === `lang.${code}` ? code : name;
      return option;
    }));
    select.value = state.lang;
    $("language-field").hidden = known.length < 2;

    picker.render(metrics, t, hrefFor, state.metric.id);
    showMetric();
  }

  // First view: the address decides the metric, inputs, currency and sector.
  state.currency = address.currency ? address.currency.toUpperCase() : null;
  metrics = catalog({ lang: state.lang });
  state.metric = metrics.find((m) => m.id === address.metric) || metrics[0];
  for (const id of inputIds()) {
    if (address.values[id] !== undefined) state.values[id] = address.values[id];
  }
  loadLanguage();
  // A first visit (bare address) opens on a finished worked example, so the
  // page shows what it does before anyone types.
  if (!address.metric && Object.keys(address.values).length === 0 && state.metric.examples.length > 0) {
    calculator.loadExample(state.metric.examples[0]);
  }
  // The address now says what is shown (an unknown metric id becomes the one shown).
  writeAddress(addressState());

  $("language").addEventListener("change", (event) => {
    state.lang = event.target.value;
    state.numberLocale = state.lang;
    loadLanguage();
    writeAddress(addressState());
  });

  // The skip link moves focus to the calculator without putting "#…" in the address.
  $("skip-link").addEventListener("click", (event) => {
    event.preventDefault();
    $("metric-name").focus();
    $("metric-name").scrollIntoView();
  });

  $("loading").hidden = true;
  $("app").hidden = false;
  $("skip-link").hidden = false;
  $("main").removeAttribute("aria-busy");
  picker.setCurrent(state.metric.id); // now that the list has a size, scroll it to the metric shown
  document.documentElement.classList.add("is-ready");
}

async function start() {
  let engine = null;
  try {
    engine = await import("./pkg/retention_metrics.js");
    await engine.default();
    run(engine);
  } catch (err) {
    console.error(err);
    showFailure(err, engine);
  }
}

start();
