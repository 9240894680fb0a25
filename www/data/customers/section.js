// The customers view of an orders log: who to contact now, every customer
// in a table, and the models behind the forecasts, explained. The engine's
// predictCustomers (BG/NBD and Gamma-Gamma, in the worker) does the work;
// this module runs it after each analysis and when the reader changes the
// horizon, the discount or the calibration end, and lays out what it gives.
// Its parts: contacts.js (the ranked list and the mail-merge file),
// table.js (search, filter, sort, pages), detail.js (one customer's
// history) and model.js (the fitted models and the tracking check).

import { el, fill, showFieldError } from "../../shared/dom.js";
import { Cancelled } from "../client.js";
import { createProgress } from "../progress.js";
import { section } from "../tables.js";
import { contactsSection } from "./contacts.js";
import { customersTable, tableState } from "./table.js";
import { openCustomer } from "./detail.js";
import { modelSection } from "./model.js";

/** Which settings field an engine error belongs to. */
const FIELDS = { horizon_months: "horizon", discount: "discount", calibration_end: "calibration" };

/**
 * @param {{ t, getFormat: () => format, client, lang: () => string }} context
 *   client: the orders' data client (the same worker, so a big file's
 *   memory is not taken twice)
 * @returns {{ root, run(source, options), refresh(), clear() }}
 */
export function createCustomersSection({ t, getFormat, client, lang }) {
  let source = null;
  let analysisOptions = null;
  let report = null;
  let current = null; // the AbortController of the run in progress
  let table = tableState();

  const controls = {
    horizon: el("input", { id: "customers-horizon", name: "horizon", type: "number", min: "1", max: "120", step: "1", value: "12", inputmode: "numeric" }),
    discount: el("input", { id: "customers-discount", name: "discount", type: "text", inputmode: "decimal", value: "1", size: "5" }),
    calibration: el("input", { id: "customers-calibration", name: "calibration", type: "date" }),
  };
  const errors = Object.fromEntries(Object.keys(controls).map((name) => [name, el("p", { id: `customers-${name}-error`, class: "field__error", hidden: true })]));
  const helps = {
    horizon: el("p", { id: "customers-horizon-help", class: "field__help", text: t("data.page.customers.horizon_help") }),
    discount: el("p", { id: "customers-discount-help", class: "field__help", text: t("data.page.customers.discount_help") }),
    calibration: el("p", { id: "customers-calibration-help", class: "field__help", text: t("data.page.customers.calibration_help") }),
  };
  for (const [name, control] of Object.entries(controls)) {
    control.setAttribute("aria-describedby", helps[name].id);
    control.addEventListener("change", () => run());
  }
  const field = (name) => el("div", { class: "setting" },
    el("label", { for: controls[name].id, text: t(`data.page.customers.${name}`) }),
    controls[name], helps[name], errors[name]);

  const progress = createProgress({ id: "customers", label: "data.page.customers.progress", onCancel: () => current?.abort() });
  const status = el("p", { id: "customers-status", class: "data-status", role: "status" });
  const resultBox = el("div", { id: "customers-result", class: "customers-result" });
  const root = section("data-customers", t("data.page.customers.heading"),
    el("p", { class: "data-intro", text: t("data.page.customers.intro") }),
    el("div", { class: "settings data-settings customers-settings" }, field("horizon"), field("discount"), field("calibration")),
    progress.render(t),
    status,
    resultBox);
  root.hidden = true;

  function clearErrors() {
    for (const name of Object.keys(controls)) showFieldError(controls[name], errors[name], null, helps[name].id);
  }

  function options() {
    const chosen = { ...analysisOptions, lang: lang(), horizonMonths: controls.horizon.value, discount: controls.discount.value };
    if (controls.calibration.value) chosen.calibrationEnd = controls.calibration.value;
    return chosen;
  }

  async function run() {
    if (!source) return;
    current?.abort();
    const mine = new AbortController();
    current = mine;
    clearErrors();
    status.textContent = "";
    resultBox.setAttribute("aria-busy", "true");
    progress.start();
    try {
      const result = await client.call("predictCustomers", source, [options()], {
        signal: mine.signal,
        onProgress: (share) => progress.set(share, getFormat()),
      });
      report = result;
      show();
      status.textContent = t("data.page.customers.done", { n: report.customers.length });
    } catch (err) {
      if (err instanceof Cancelled) {
        if (current === mine) status.textContent = t("data.page.cancelled");
        return;
      }
      const name = FIELDS[err.field];
      if (name) {
        showFieldError(controls[name], errors[name], err.message, helps[name].id);
      } else {
        report = null;
        resultBox.replaceChildren();
        status.textContent = err.message;
      }
    } finally {
      if (current === mine) {
        current = null;
        progress.stop();
        resultBox.removeAttribute("aria-busy");
      }
    }
  }

  function show() {
    if (!report) return;
    const fmt = getFormat();
    const visitsOptions = options();
    const firstVisit = report.customers.reduce((first, c) => (c.first_visit < first ? c.first_visit : first), report.observation_end);
    controls.calibration.min = firstVisit;
    controls.calibration.max = report.observation_end;
    const context = {
      t,
      fmt,
      lang: lang(),
      report,
      firstVisit,
      loadVisits: (id) => client.call("customerVisits", source, [visitsOptions, id]),
      /** Checks the model with the visits up to `day` (ISO), as if picked in the field. */
      calibrate(day) {
        controls.calibration.value = day;
        run();
      },
    };
    const open = (row, opener) => openCustomer(row, context, opener);
    fill(resultBox,
      contactsSection(context, open),
      section("data-customers-all", t("data.page.customers.all_heading"), customersTable(context, table, open)),
      modelSection(context));
  }

  return {
    root,
    /** Predicts for the log just analysed with `options` (its columns, window, currency). */
    run(nextSource, nextOptions) {
      source = nextSource;
      analysisOptions = nextOptions;
      root.hidden = false;
      return run();
    },
    /** Shows the last prediction again (another currency, say). */
    refresh: show,
    /** Forgets the log (a new one is coming, or it could not be read). */
    clear() {
      current?.abort();
      source = null;
      report = null;
      resultBox.replaceChildren();
      status.textContent = "";
      controls.calibration.value = "";
      table = tableState();
      root.hidden = true;
    },
  };
}
