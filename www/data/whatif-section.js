// The data view's what-if: it starts from the file's own figures (the last
// full period's customers and retention, the year's visits and average
// order), and the reader moves the sliders from there.

import { section } from "./tables.js";
import { whatIfStart } from "../whatif/start.js";

/** The section, or null when the file has no full period to start from. */
export function whatIfSection(report, { t, fmt, whatIf }) {
  const start = whatIfStart.fromReport(report);
  if (!start || !whatIf) return null;
  const block = whatIf({ route: "rate", idPrefix: "data-whatif", titled: false });
  const { row } = start;
  block.update(start.start, {
    intro: t("ui.whatif.from_data", {
      customers: fmt.integer(row.start),
      period: fmt.period(row.period),
      retention: fmt.percent(row.retention_rate),
      visits: start.start.visits === null ? fmt.dash : fmt.decimal(start.start.visits, 2),
      aov: start.start.aov === null ? fmt.dash : fmt.money(start.start.aov),
    }),
  });
  return section("data-whatif-section", t("data.page.whatif.heading"), block.node);
}
