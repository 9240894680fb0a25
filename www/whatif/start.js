// Where the what-if starts: today's figures from a calculator's result (the
// retention rate gives customers, rate and period; the lifetime value gives
// lifespan, visits and order) or from an analysed file.

/** Which calculators offer the what-if, and how customers leave in each. */
const ROUTES = { retention_rate: "rate", customer_lifetime_value: "lifespan" };

export const whatIfStart = {
  /** "rate", "lifespan", or null for a calculator without the what-if. */
  route: (metricId) => ROUTES[metricId] || null,

  /** Today's figures from a result of one of those calculators. */
  fromResult(result) {
    const inputs = result.inputs || {};
    if (result.id === "retention_rate") return { customers: inputs.start, retention: result.value, period: result.period };
    return { lifespan_years: inputs.lifespan_years, visits: inputs.frequency, aov: inputs.aov };
  },

  /**
   * Today's figures from an orders report: the last full period's customers
   * at the start and retention, the yearly visits and the average order;
   * null when the file has no full period with customers at its start.
   */
  fromReport(report) {
    const full = report.periods.filter((row) => !row.partial && row.start > 0 && row.retention_rate !== null);
    const row = full[full.length - 1];
    if (!row) return null;
    const clv = report.totals.clv || {};
    return {
      row,
      start: {
        customers: row.start,
        retention: Math.round(row.retention_rate * 10) / 10,
        period: report.period,
        visits: typeof clv.purchase_frequency === "number" ? Math.round(clv.purchase_frequency * 100) / 100 : null,
        aov: report.input.has_amounts ? Math.round((clv.aov ?? report.totals.aov) * 100) / 100 : null,
      },
    };
  },
};
