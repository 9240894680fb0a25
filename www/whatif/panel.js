// "What if": today's figures (from a calculator's result or from an
// analysed file) and three sliders, retention + points, visits a year +,
// average order +. The engine's whatIf() works out the lifespan, lifetime
// value, customers kept and the next 12 months' revenue both ways, with the
// formula in the reader's numbers and what the change is worth in money.

import { el, fill, showFieldError } from "../shared/dom.js";
import { createFormat } from "../shared/format.js";

/** Today's figures the block asks for, in form order; `route` says which way customers leave. */
const TODAY_FIELDS = {
  rate: ["customers", "retention", "visits", "aov", "acquisition_cost"],
  lifespan: ["lifespan_years", "visits", "aov", "customers", "acquisition_cost"],
};

/** The sliders: how far each goes from today's value (points for retention). */
const CHANGES = [
  { id: "more_retention", max: () => 10, step: () => 0.5 },
  { id: "more_visits", max: (today) => niceMax(today.visits), step: (today) => niceMax(today.visits) / 50 },
  { id: "more_aov", max: (today) => niceMax(today.aov), step: (today) => niceMax(today.aov) / 50 },
];

/** Half of today's value rounded up to a figure a slider can step through evenly (at least 1). */
function niceMax(value) {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) return 10;
  const half = number / 2;
  const magnitude = 10 ** Math.floor(Math.log10(half));
  return Math.max(1, Math.ceil(half / magnitude) * magnitude);
}

/** A number written the way the reader types it, for a field. */
function typed(value, locale) {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value !== "number") return String(value);
  try {
    return new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 2 }).format(value);
  } catch {
    return String(value);
  }
}

/**
 * @param {{ whatIf: (inputs, options) => object, readNumber: (text, options) => number | null }} engine
 * @returns {{ block: ({ t, state, route, idPrefix?, titled? }) => { node, update(start, { intro, borrowed }) } }}
 *   route: "rate" (retention per period) or "lifespan" (years); idPrefix: the
 *   ids of its controls; titled: false inside a section with its own heading;
 *   update(start): today's figures { customers?, retention?, period?, lifespan_years?, visits?, aov? }
 */
export function createWhatIf(engine) {
  return {
    block({ t, state, route, idPrefix = "whatif", titled = true }) {
      const id = (name) => `${idPrefix}-${name.replaceAll("_", "-")}`;
      let period = "month";
      const changes = { more_retention: 0, more_visits: 0, more_aov: 0 };
      const fields = new Map();
      const sliders = new Map();
      const introBox = el("p", { class: "whatif__from", hidden: true });
      const resultBox = el("div", { class: "whatif__result", id: id("result"), "aria-live": "polite" });
      const todayBox = el("fieldset", { class: "whatif__today" }, el("legend", { text: t("ui.whatif.today") }));
      const changeBox = el("fieldset", { class: "whatif__changes" }, el("legend", { text: t("ui.whatif.changes") }));
      // Untitled inside a section that has the heading already (the data view's).
      const node = el(titled ? "section" : "div", { class: "whatif", id: idPrefix, "aria-labelledby": titled ? id("heading") : null },
        titled ? el("h3", { id: id("heading"), class: "whatif__heading", text: t("ui.whatif.heading") }) : null,
        el("p", { class: "whatif__intro", text: t("ui.whatif.intro") }),
        introBox,
        el("div", { class: "whatif__inputs" }, todayBox, changeBox),
        resultBox);

      const fmt = () => createFormat({ locale: state.numberLocale, currency: state.currency, t });

      for (const name of TODAY_FIELDS[route]) {
        const input = el("input", { id: id(name), name, type: "text", inputmode: "decimal", autocomplete: "off" });
        const error = el("p", { id: id(`${name}-error`), class: "field__error", hidden: true });
        input.addEventListener("input", recompute);
        fields.set(name, { input, error });
        const label = el("label", { for: id(name), class: "field__label", text: t(`ui.whatif.input.${name}`) });
        todayBox.append(el("div", { class: "field" }, label, input, error));
        if (name === "retention") {
          const select = el("select", { id: id("period"), name: "period", "aria-label": t("ui.whatif.input.period") },
            ["month", "quarter", "year"].map((p) => el("option", { value: p, text: t(`ui.goal.period.${p}`) })));
          select.addEventListener("change", () => {
            period = select.value;
            recompute();
          });
          fields.set("period", { input: select, error: el("p", { hidden: true }) });
          label.after(el("div", { class: "whatif__rate" }, input, select));
        }
      }
      for (const change of CHANGES) {
        const slider = el("input", { id: id(change.id), type: "range", min: 0, step: 0.5, max: 10, value: 0 });
        // A plain span: an <output> would be one more status region beside the result's.
        const output = el("span", { class: "whatif__amount", "aria-hidden": "true" });
        const error = el("p", { id: id(`${change.id}-error`), class: "field__error", hidden: true });
        slider.addEventListener("input", () => {
          changes[change.id] = Number(slider.value);
          recompute();
        });
        sliders.set(change.id, { slider, output, error, change });
        fields.set(change.id, { input: slider, error });
        changeBox.append(el("div", { class: "field whatif__slider" },
          el("label", { for: id(change.id), class: "field__label", text: t(`ui.whatif.input.${change.id}`) }),
          el("div", { class: "whatif__slide" }, slider, output),
          error));
      }

      /** Slider ranges follow today's visits and order; each shows its amount. */
      function syncSliders(f) {
        const read = (name) => engine.readNumber(fields.get(name).input.value, { locale: state.numberLocale });
        const today = { visits: read("visits"), aov: read("aov") };
        for (const { slider, output, change } of sliders.values()) {
          slider.max = String(change.max(today));
          slider.step = String(change.step(today));
          if (Number(slider.value) > Number(slider.max)) slider.value = slider.max;
          changes[change.id] = Number(slider.value);
          const amount = changes[change.id];
          const write = (key) => (change.id === "more_retention"
            ? t(key, { n: f.decimal(amount, 1) })
            : change.id === "more_aov" ? f.money(amount) : f.decimal(amount, 2));
          // Short beside the slider; in full for a screen reader.
          output.textContent = `+${write("ui.whatif.points_short")}`;
          slider.setAttribute("aria-valuetext", `+${write("ui.goal.points")}`);
        }
      }

      function recompute() {
        const f = fmt();
        syncSliders(f);
        const inputs = { ...changes };
        for (const [name, { input }] of fields) {
          if (name.startsWith("more_")) continue;
          if (name === "period") continue;
          if (input.value.trim() !== "") inputs[name] = input.value;
        }
        if (route === "rate") inputs.period = period;
        let result = null;
        let errors = [];
        try {
          result = engine.whatIf(inputs, { lang: state.lang, locale: state.numberLocale, currency: state.currency });
        } catch (err) {
          errors = Array.isArray(err.errors) && err.errors.length > 0 ? err.errors : [{ field: err.field, code: err.code, message: err.message }];
        }
        for (const [name, { input, error }] of fields) {
          const found = errors.find((e) => e.field === name);
          // An empty field is asked for once, not marked as wrong while the reader is still filling in.
          const waiting = found && found.code === "required" && input.value.trim() === "";
          showFieldError(input, error, found && !waiting ? found.message : null);
        }
        const waitingForFigures = errors.some((e) => e.code === "required");
        fill(resultBox, result
          ? resultView(result, f)
          : el("p", { class: "whatif__prompt", text: t(waitingForFigures ? "ui.whatif.needs" : "ui.whatif.fix") }));
      }

      function resultView(result, f) {
        const money = (v) => f.money(v);
        const rows = [
          ["yearly", (s) => s.yearly_retention, (v) => f.percent(v, 1), (d) => t("ui.whatif.points_short", { n: f.decimal(d, 1) })],
          ["lifespan", (s) => s.lifespan_years, (v) => f.decimal(v, 2), (d) => f.decimal(d, 2)],
          ["clv", (s) => s.clv, money, money],
          // Whole people: the counts as written, and their difference.
          ["kept", (s) => (typeof s.kept_12_months === "number" ? Math.round(s.kept_12_months) : undefined), (v) => f.integer(v), (d) => f.integer(d)],
          ["revenue", (s) => s.revenue_12_months, money, money],
        ].filter(([, pick]) => typeof pick(result.now) === "number");
        const signed = (d, write) => (Math.abs(d) < 1e-9 ? write(0) : `${d > 0 ? "+" : "−"}${write(Math.abs(d))}`);
        return [
          el("table", { class: "data-table whatif__table", id: id("table") },
            el("caption", { class: "visually-hidden", text: t("ui.whatif.heading") }),
            el("thead", {}, el("tr", {}, ["figure", "now", "changed", "difference"].map((c) =>
              el("th", { scope: "col", class: c === "figure" ? null : "num", text: t(`ui.whatif.col.${c}`) })))),
            el("tbody", {}, rows.map(([key, pick, write, writeDifference]) => el("tr", { "data-row": key },
              el("th", { scope: "row", text: t(`ui.whatif.row.${key}`) }),
              el("td", { class: "num", "data-label": t("ui.whatif.col.now"), text: write(pick(result.now)) }),
              el("td", { class: "num", "data-label": t("ui.whatif.col.changed"), text: write(pick(result.changed)) }),
              el("td", { class: "num", "data-label": t("ui.whatif.col.difference"), text: signed(pick(result.changed) - pick(result.now), writeDifference) }))))),
          el("h4", { class: "whatif__subheading", text: t("ui.whatif.worth") }),
          el("div", { class: "whatif__worth", id: id("worth") }, result.worth.map((line) => el("p", { text: line }))),
          el("details", { class: "whatif__steps" },
            el("summary", { text: t("ui.whatif.steps") }),
            el("ol", { class: "whatif__step-list" }, result.steps.map((step) => el("li", {}, el("code", { text: step }))))),
        ];
      }

      return {
        node,
        /**
         * Today's figures from a result or a file; the reader's own entries
         * for the rest are kept, and `borrowed` figures (from another
         * calculator) only fill fields left empty.
         */
        update(start, { intro = null, borrowed = {} } = {}) {
          for (const [name, value] of Object.entries(borrowed)) {
            if (fields.has(name) && fields.get(name).input.value.trim() === "" && value !== undefined && value !== null) {
              fields.get(name).input.value = String(value);
            }
          }
          for (const [name, value] of Object.entries(start)) {
            if (name === "period") {
              period = value || "month";
              fields.get("period").input.value = period;
            } else if (fields.has(name) && value !== undefined && value !== null) {
              fields.get(name).input.value = typed(value, state.numberLocale);
            }
          }
          introBox.textContent = intro || "";
          introBox.hidden = !intro;
          recompute();
        },
      };
    },
  };
}
