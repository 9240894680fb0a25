// Starts the engine, reads the address, and wires the picker, the calculator
// and (loaded when first opened) the "Analyse your data" view.

import { readAddress, queryFor, writeAddress, dataQueryFor, setAddress } from "../shared/address.js";
import { isPlainClick, makeText } from "../shared/dom.js";
import { textsFor } from "../shared/texts.js";
import { startState, writeChrome, currencyFor, firstView } from "./start.js";
import { paintShell } from "./shell.js";
import { createPicker } from "../calculator/picker.js";
import { createCalculator } from "../calculator/calculator.js";
import { createOffline, isSingleFile } from "./offline.js";
import { createEmbed } from "../embed/dialog.js";
import { calculatorAddress, filledHref, metricHref, valuesFor } from "./links.js";
import { recall, remember } from "../shared/memory.js";
import { resultTools } from "../export/result.js";
import { createGoals } from "../goals/panel.js";
import { goalFor } from "../goals/store.js";
import { createWhatIf } from "../whatif/panel.js";
import { whatIfStart } from "../whatif/start.js";

const $ = (id) => document.getElementById(id);

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

/** The page is ready: the spinner goes, the views and the skip link come. */
function reveal(view) {
  $("loading").hidden = true;
  $("app").hidden = view === "data";
  $("views").hidden = false;
  $("header-menu").hidden = false;
  $("skip-link").hidden = false;
  $("main").removeAttribute("aria-busy");
  document.documentElement.classList.add("is-ready");
}

/**
 * The page's own controls: the language menu, the skip link, the two view
 * links and Back/Forward. `page` holds the state and what the controls ask
 * of the page (load a language, switch or show a view, fill a metric).
 */
function listen(page) {
  $("language").addEventListener("change", (event) => {
    page.state.lang = event.target.value;
    page.state.numberLocale = page.state.lang;
    page.state.langPicked = true;
    page.loadLanguage();
    page.syncAddress();
  });

  // On a phone the language and the page's actions open under the header's
  // "Menu" (page.css hides the button on wider screens, where they are shown).
  const menu = $("header-menu");
  const setMenu = (open) => {
    menu.setAttribute("aria-expanded", String(open));
    $("header-tools").classList.toggle("is-open", open);
  };
  menu.addEventListener("click", () => setMenu(menu.getAttribute("aria-expanded") !== "true"));
  $("header-tools").addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || menu.getAttribute("aria-expanded") !== "true") return;
    setMenu(false);
    menu.focus();
  });

  // The skip link moves focus to the view without putting "#…" in the address.
  $("skip-link").addEventListener("click", (event) => {
    event.preventDefault();
    const heading = page.state.view === "data" ? $("data-heading") : $("metric-name");
    heading.focus();
    heading.scrollIntoView();
  });

  // The two views are real links (they open in a new tab); a plain click switches in place.
  for (const [id, view] of [["view-calculator", "calculator"], ["view-data", "data"]]) {
    $(id).addEventListener("click", (event) => {
      if (!isPlainClick(event)) return;
      event.preventDefault();
      if (page.state.view !== view) page.switchTo(view);
    });
  }

  // Back and Forward between the views (and into a period opened in the calculator).
  window.addEventListener("popstate", async () => {
    const next = readAddress();
    if (next.view === "calculator") {
      const metric = page.findMetric(next.metric);
      if (metric) page.fillMetric(metric.id, next.values);
    }
    if (next.view === "data") await page.ensureDataView();
    page.showView(next.view, { write: false });
  });
}

/** The page on the engine; `painted`: the first paint's state ({ metric, values, touched }), or null. */
async function run(engine, painted) {
  const { catalog, compute, messages } = engine;
  const address = readAddress();
  const saved = recall() || {};
  const { state, probe, known, bare, restored } = startState(address, saved, messages);
  let t = textsFor(probe, state);
  let metrics = [];
  let dataView = null; // created the first time the data view is shown

  const addressState = () => calculatorAddress(state);

  /** The data view's address (its settings, language and currency). */
  function dataAddress() {
    const settings = dataView ? dataView.settings() : { period: address.values.period, window: address.values.window };
    return dataQueryFor({ ...settings, lang: state.lang, currency: state.currency, sector: state.sector });
  }

  /** Rewrites the address for what is shown; `push` makes a new history entry (a view switch). */
  function syncAddress({ push = false } = {}) {
    if (state.view === "data") setAddress(dataAddress(), { push });
    else if (push) setAddress(queryFor(addressState()), { push });
    else writeAddress(addressState());
    remember({
      ...state,
      metric: state.metric.id,
      lang: state.langPicked ? state.lang : null,
      currency: state.currencyPicked ? state.currency : null,
    });
  }

  const hrefFor = (id) => metricHref(state, metrics.find((m) => m.id === id), id);

  const picker = createPicker($("picker"), {
    dataView: { href: () => dataAddress(), open: () => switchTo("data") },
    onPick(id, { focus } = {}) {
      const metric = metrics.find((m) => m.id === id);
      if (!metric) return;
      if (metric !== state.metric) {
        state.valuesByMetric.set(state.metric.id, { ...state.values });
        state.values = valuesFor(state, metric);
        state.metric = metric;
        state.touched = new Set();
      }
      const heading = showMetric();
      syncAddress();
      if (focus) heading.focus();
    },
  });

  const embed = createEmbed($("page-actions"), {
    current: () => ({
      metric: state.metric.id,
      name: state.metric.name,
      lang: state.lang,
      currency: state.metric.money ? state.currency : null,
      examples: state.metric.examples.map(({ id, name }) => ({ id, name })),
      languages: known.map((code) => ({ code, name: t(`lang.${code}`) })),
      // The frame's title in the widget's language, which the blogger may pick apart from the page's.
      frameTitle(lang) {
        const name = (catalog({ lang }).find((m) => m.id === state.metric.id) || state.metric).name;
        return textsFor(messages(lang), state)("ui.embed_frame_title", { name });
      },
    }),
  });
  const offline = createOffline($("page-actions"));

  // A single file's file:// address is no use to anyone else.
  const link = isSingleFile() ? null : () => window.location.href;
  const goals = createGoals(engine);
  const whatIf = createWhatIf(engine);
  const calculator = createCalculator($("calculator"), {
    compute,
    peek: true,
    onChange: () => syncAddress(),
    copyLink: link,
    resultTools: ({ t: text, current }) => resultTools({ t: text, current, link }),
    blocks({ t: text, metric, state: shared }) {
      const goal = { place: "result", ...goals.block({ t: text, metric, state: shared }) };
      const route = whatIfStart.route(metric.id);
      if (!route) return [goal];
      const block = whatIf.block({ t: text, state: shared, route });
      return [goal, {
        place: "below",
        node: block.node,
        update(result) {
          if (!result) return;
          const { start, borrowed } = whatIfStart.fromResult(result, shared.valuesByMetric);
          block.update(start, { borrowed });
        },
      }];
    },
  });

  function showMetric() {
    picker.setCurrent(state.metric.id, hrefFor);
    if (state.view === "calculator") document.title = `${state.metric.name} — ${t("ui.title")}`;
    return calculator.show(t, state);
  }

  /** Puts `values` (e.g. a period's S, E, N from the data view) into `metricId`'s form. */
  function fillMetric(metricId, values) {
    const metric = metrics.find((m) => m.id === metricId);
    if (!metric) return;
    if (metric !== state.metric) state.valuesByMetric.set(state.metric.id, { ...state.values });
    state.metric = metric;
    state.values = {};
    for (const input of metric.inputs) {
      if (values[input.id] !== undefined && values[input.id] !== null) state.values[input.id] = String(values[input.id]);
    }
    state.touched = new Set();
  }

  /** The calculator's address for a metric filled with `values`. */
  const calculatorHref = (metricId, values) => filledHref(state, metrics.find((m) => m.id === metricId), metricId, values);

  async function ensureDataView() {
    if (dataView) return dataView;
    const { createDataView } = await import("../data/view.js");
    dataView = createDataView($("data-app"), {
      state,
      settings: { period: address.values.period, window: address.values.window },
      calculatorHref: (values) => calculatorHref("retention_rate", values),
      metricHref: calculatorHref,
      sectors: () => (metrics.find((m) => m.id === "retention_rate") || {}).sectors || [],
      goals: { forMetric: goalFor, convert: engine.convertRate },
      whatIf: (options) => whatIf.block(options),
      compare(values) {
        try {
          return compute("retention_rate", values, { lang: state.lang, sector: state.sector || undefined }).benchmark || null;
        } catch {
          return null; // a period the calculator would refuse has nothing to compare
        }
      },
      openCalculator(values) {
        fillMetric("retention_rate", values);
        const heading = showView("calculator", { push: true });
        heading.focus();
      },
      onSettingsChange: () => syncAddress(),
    });
    dataView.render(t);
    return dataView;
  }

  /** Marks the current view in the header and points the skip link at it. */
  function markView() {
    const data = state.view === "data";
    for (const [id, current] of [["view-calculator", !data], ["view-data", data]]) {
      if (current) $(id).setAttribute("aria-current", "page");
      else $(id).removeAttribute("aria-current");
    }
    $("view-calculator").setAttribute("href", queryFor(addressState()));
    $("view-data").setAttribute("href", dataAddress());
    $("skip-link").textContent = t(data ? "data.page.skip" : "ui.skip_to_calculator");
    $("skip-link").setAttribute("href", data ? "#data-heading" : "#calculator");
  }

  /**
   * Shows one view. `push`: the user switched, so the address gets a new
   * history entry. Returns the view's heading (for focus).
   */
  function showView(view, { push = false, write = true } = {}) {
    state.view = view;
    const data = view === "data";
    $("app").hidden = data;
    $("data-app").hidden = !data;
    // The calculator is kept built while hidden: the first visit's example and
    // the address still go through it.
    let heading = showMetric();
    if (data) {
      document.title = `${t("data.page.title")} — ${t("ui.title")}`;
      heading = $("data-heading");
    }
    markView();
    if (write) syncAddress({ push });
    return heading;
  }

  async function switchTo(view, { push = true, focus = true } = {}) {
    if (view === "data") await ensureDataView();
    const heading = showView(view, { push });
    if (view === "calculator") picker.setCurrent(state.metric.id); // the list has a size again
    if (focus && heading) heading.focus();
  }

  /** (Re)builds every text on the page in `state.lang`. */
  function loadLanguage() {
    const dict = messages(state.lang);
    t = textsFor(dict, state);
    currencyFor(state, dict);
    metrics = catalog({ lang: state.lang });
    const currentId = state.metric ? state.metric.id : null;
    state.metric = metrics.find((m) => m.id === currentId) || metrics[0];

    writeChrome(t, known, state.lang);

    picker.render(metrics, t, hrefFor, state.metric.id);
    embed.render(t);
    offline.render(t);
    if (dataView) dataView.render(t);
    showView(state.view, { write: false });
  }

  // First view: the address decides the metric, inputs, currency and sector.
  metrics = catalog({ lang: state.lang });
  firstView(state, metrics, { address, saved, restored });
  // What was picked and typed into the first paint, while the engine loaded, carries over.
  if (painted) {
    state.metric = metrics.find((m) => m.id === painted.metric.id) || state.metric;
    state.values = painted.values;
    state.touched = painted.touched;
  }
  loadLanguage();
  // A first visit (bare address) opens on a finished worked example, so the
  // page shows what it does before anyone types (the first paint did it already).
  if (!painted && bare && !restored && state.metric.examples.length > 0) {
    calculator.loadExample(state.metric.examples[0]);
  }
  // The data view, when the address asks for it, is ready before the page says so.
  if (state.view === "data") {
    await ensureDataView();
    showView("data", { write: false });
  }
  // The address now says what is shown (an unknown metric id becomes the one shown).
  syncAddress();

  listen({ state, loadLanguage, syncAddress, switchTo, fillMetric, ensureDataView, showView, findMetric: (id) => metrics.find((m) => m.id === id) });

  reveal(state.view);
  picker.setCurrent(state.metric.id); // now that the list has a size, scroll it to the metric shown
  offline.start(); // offline use is prepared after the first result, not before it
}

async function start() {
  let engine = null;
  // The header and the form while the engine downloads; the page then takes over what was typed.
  const shell = paintShell();
  try {
    engine = await import("../pkg/retention_metrics.js");
    await engine.default();
    const painted = await shell;
    const focused = painted ? painted.focused() : null;
    await run(engine, painted);
    if (focused) focused.restore();
  } catch (err) {
    console.error(err);
    await shell; // a first paint still on its way must not cover the message
    showFailure(err, engine);
  }
}

start();
