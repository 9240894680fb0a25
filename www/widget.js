// <retention-calculator>: the calculator for blogs and other sites, in its
// own Shadow DOM, built from the same modules as the page.
//
//   <script type="module" src="https://…/widget.js"></script>
//   <retention-calculator metric="churn_rate" lang="pl" currency="PLN"></retention-calculator>
//
// Attributes (all optional; changing one updates the widget):
//   metric    a catalog id; without it (or unknown) a picker of every metric
//   lang      en, pl or ru; without it the reader's browser language. Typed
//             numbers are read the way `lang` writes them (1 234,5 in Polish);
//             without it, the way the reader's device does.
//   currency  USD, EUR, GBP, PLN, RUB or UAH, for money metrics
//   example   opens on that worked example of the metric ("coffee"), or on
//             its first example when it has no such one
//   theme     light or dark; without it, dark when the host page is dark
//             behind the element
// It fires `result` (bubbles, composed) with `detail` the engine's compute()
// result whenever that changes, and once with `detail: null` when the form
// stops having one (cleared or invalid); `element.result` holds the latest.
// Every file is fetched from beside this module, so a host on another origin
// needs them served with Access-Control-Allow-Origin. The widget never
// touches the host's address, title or styles.

import { el } from "./shared/dom.js";
import { queryFor } from "./shared/address.js";
import { createCalculator } from "./calculator/calculator.js";
import { createPicker } from "./calculator/picker.js";
import { codesIn, chooseLanguage, chooseCurrency, currencyForLocale, textsFor } from "./shared/texts.js";
import { hostIsDark } from "./embed/host-scheme.js";
import { sizeEmbedFrames } from "./embed/frames.js";

/** An address beside this module, wherever the host page is. */
const here = (path) => new URL(path, import.meta.url).href;

const STYLESHEETS = ["shared/theme.css", "calculator/calculator.css", "shared/charts.css", "embed/widget.css"].map(here);

const darkPreference = matchMedia("(prefers-color-scheme: dark)");

let engine = null;

/** The engine, started by the first widget that needs it and shared by every other. */
function loadEngine() {
  engine ??= import(here("./pkg/retention_metrics.js")).then(async (module) => {
    await module.default();
    return module;
  });
  return engine;
}

/** Settles when a stylesheet <link> has loaded, or failed (the widget then still works, plainly). */
function linkLoaded(link) {
  return new Promise((resolve) => {
    link.addEventListener("load", resolve, { once: true });
    link.addEventListener("error", resolve, { once: true });
  });
}

/** The currency a widget starts in, and whether it was chosen (by the host or the reader) rather than guessed. */
function widgetCurrency(attribute, previous, numberLocale, currencies) {
  if (previous && previous.currencyPicked) return { currency: chooseCurrency(previous.currency, currencies), currencyPicked: true };
  if (attribute) return { currency: chooseCurrency(attribute, currencies), currencyPicked: true };
  return { currency: currencyForLocale(numberLocale, currencies), currencyPicked: false };
}

class RetentionCalculator extends HTMLElement {
  static observedAttributes = ["metric", "lang", "currency", "example", "theme"];

  #box; // the wrapper in the shadow root: our colour scheme, language and text settings
  #stylesLoaded;
  #started = false;
  #engine = null;
  #state = null; // what calculator.js reads and writes: { lang, numberLocale, currency, currencies, sector, metric, values, touched }
  #metrics = [];
  #t = (key) => key; // text lookup in the widget's language
  #calculator = null;
  #picker = null;
  #pickerRoot = null;
  #calculatorRoot = null;
  #announced = ""; // the last announced result as JSON ("" for none): unchanged results are not announced again
  #result = null;
  #followScheme = () => this.#applyScheme();

  constructor() {
    super();
    const links = STYLESHEETS.map((href) => el("link", { rel: "stylesheet", href }));
    this.#stylesLoaded = Promise.all(links.map(linkLoaded));
    this.#box = el("div", { class: "widget", "aria-busy": "true" },
      el("div", { class: "widget__loading" }, el("span", { class: "spinner" })));
    this.attachShadow({ mode: "open" }).append(...links, this.#box);
  }

  /** The latest compute() result shown, or null. */
  get result() {
    return this.#result;
  }

  connectedCallback() {
    this.#applyScheme();
    darkPreference.addEventListener("change", this.#followScheme);
    if (this.#started) return;
    this.#started = true;
    Promise.all([loadEngine(), this.#stylesLoaded]).then(([started]) => {
      this.#engine = started;
      this.#build();
      this.#render();
      this.#loadExample();
    }).catch((err) => this.#fail(err));
  }

  disconnectedCallback() {
    darkPreference.removeEventListener("change", this.#followScheme);
  }

  attributeChangedCallback(name, before, after) {
    if (before === after) return;
    if (name === "theme") {
      this.#applyScheme();
      return;
    }
    if (!this.#engine) return; // the first render reads every attribute
    if (name === "example") {
      this.#loadExample();
      return;
    }
    if (name === "currency") Object.assign(this.#state, { currency: after, currencyPicked: true });
    const metricBefore = this.#state.metric.id;
    this.#render();
    if (this.#state.metric.id !== metricBefore) this.#loadExample();
  }

  /** Light or dark: the `theme` attribute, else what the host page shows behind the element. */
  #applyScheme() {
    const theme = this.getAttribute("theme");
    const dark = theme === "dark" || (theme !== "light" && hostIsDark(this));
    this.#box.dataset.scheme = dark ? "dark" : "light";
  }

  /** Creates the picker and the calculator once; #render fills them. */
  #build() {
    this.#calculatorRoot = el("section", { class: "calculator", "aria-labelledby": "metric-name" });
    this.#calculator = createCalculator(this.#calculatorRoot, {
      compute: this.#engine.compute,
      onResult: (result) => this.#announce(result),
    });
    this.#pickerRoot = el("nav", { class: "picker" });
    this.#picker = createPicker(this.#pickerRoot, {
      onPick: (id, { focus } = {}) => this.#pick(id, focus),
    });
  }

  /** (Re)builds everything from the attributes, keeping what was typed while the metric stays. */
  #render() {
    const { catalog, messages } = this.#engine;
    const requested = this.getAttribute("lang");
    const lang = chooseLanguage(requested, codesIn(messages("en"), "lang."));
    const dict = messages(lang);
    const numberLocale = requested ? lang : navigator.language || lang;
    const currencies = codesIn(dict, "currency.");
    const previous = this.#state;
    this.#metrics = catalog({ lang });
    const fixed = this.#metrics.find((metric) => metric.id === this.getAttribute("metric"));
    const metric = fixed || this.#metrics.find((m) => m.id === previous?.metric.id) || this.#metrics[0];
    const sameMetric = previous && previous.metric.id === metric.id;
    this.#state = {
      lang,
      numberLocale,
      currencies,
      // The host's `currency`, else the reader's choice, else the reader's locale's (zł in Poland).
      ...widgetCurrency(this.getAttribute("currency"), previous, numberLocale, currencies),
      sector: "",
      metric,
      values: sameMetric ? previous.values : {},
      touched: sameMetric ? previous.touched : new Set(),
    };
    this.#t = textsFor(dict, { lang, numberLocale });
    // A metric's link opens the full calculator (in a new tab, say); a plain click switches here.
    const hrefFor = (id) => here(`index.html${queryFor({ metric: id, lang })}`);
    this.#picker.render(this.#metrics, this.#t, hrefFor, metric.id);
    this.#calculator.show(this.#t, this.#state);

    this.#box.lang = lang;
    this.#box.removeAttribute("aria-busy");
    this.#box.replaceChildren(fixed
      ? this.#calculatorRoot
      : el("div", { class: "widget__layout" }, this.#pickerRoot, this.#calculatorRoot));
    this.#picker.setCurrent(metric.id); // now that the list has a size, scroll it to the metric shown
    this.#applyScheme();
  }

  /** Shows a metric picked in the picker, with an empty form (or the example asked for). */
  #pick(id, focus) {
    const metric = this.#metrics.find((m) => m.id === id);
    if (!metric) return;
    const changed = metric !== this.#state.metric;
    if (changed) Object.assign(this.#state, { metric, values: {}, touched: new Set() });
    this.#picker.setCurrent(metric.id);
    const heading = this.#calculator.show(this.#t, this.#state);
    if (changed) this.#loadExample();
    if (focus) heading.focus();
  }

  /** Fills in the worked example the `example` attribute names (else the metric's first); none without the attribute. */
  #loadExample() {
    const wanted = this.getAttribute("example");
    const examples = this.#state.metric.examples || [];
    if (wanted === null || examples.length === 0) return;
    this.#calculator.loadExample(examples.find((example) => example.id === wanted) || examples[0]);
  }

  /** Tells the host about a new result (or that there is none any more); an unchanged one is not repeated. */
  #announce(result) {
    const announced = result ? JSON.stringify(result) : "";
    if (announced === this.#announced) return;
    this.#announced = announced;
    this.#result = result;
    this.dispatchEvent(new CustomEvent("result", { bubbles: true, composed: true, detail: result }));
  }

  /** The engine could not start: its texts are unavailable too, so one plain English line. */
  #fail(err) {
    console.error(err);
    this.#box.removeAttribute("aria-busy");
    this.#box.replaceChildren(el("p", { class: "widget__failed", role: "alert", text: "The calculator could not start in this browser." }));
  }
}

// On a host page, embed frames (embed.html from this widget's site) get their content's height.
sizeEmbedFrames(new URL(import.meta.url).origin);

// A page that loads a second copy of this module (from another address) keeps the first definition.
if (!customElements.get("retention-calculator")) customElements.define("retention-calculator", RetentionCalculator);
