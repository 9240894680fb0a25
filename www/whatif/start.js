// Where the what-if starts: today's figures from a calculator's result (the
// retention rate gives customers, rate and period; the lifetime value gives
// lifespan, visits and order) or from an analysed file.

/** Which calculators offer the what-if, and how customers leave in each. */
const ROUTES = { retention_rate: "rate", customer_lifetime_value: "lifespan" };

export const whatIfStart = {
  /** "rate", "lifespan", or null for a calculator without the what-if. */
  route: (metricId) => ROUTES[metricId] || null,

  /**
   * Today's figures from a result of one of those calculators (`start`);
   * for a retention rate also the visits and order typed in the lifetime
   * value calculator (`borrowed`; `typed`: what was typed per metric).
   */
  fromResult(result, typed = new Map()) {
    const inputs = result.inputs || {};
    if (result.id === "retention_rate") {
      const clv = typed.get("customer_lifetime_value") || {};
      return { start: { customers: inputs.start, retention: result.value, period: result.period }, borrowed: { visits: clv.frequency, aov: clv.aov } };
    }
    return { start: { lifespan_years: inputs.lifespan_years, visits: inputs.frequency, aov: inputs.aov }, borrowed: {} };
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
