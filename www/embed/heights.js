// The iframe snippet's height for each metric's widget: its tallest on a
// phone (320 px wide: a 360 px screen less a host's margins), over
// every language and worked example, with its result. Measured by
// tests/e2e/embed-fit.spec.mjs; `npm run embed-heights` rewrites this file.

/** The frame width the heights are measured at. */
export const FRAME_WIDTH = 320;

/** The key for a widget with no `metric` (the picker of every metric). */
export const PICKER = "picker";

export const FRAME_HEIGHTS = {
  retention_rate: 2440,
  picker: 3680,
  churn_rate: 2160,
  customer_lifespan: 1310,
  average_order_value: 1110,
  purchase_frequency: 1000,
  customer_lifetime_value: 1700,
  monthly_recurring_revenue: 1240,
  net_promoter_score: 1830,
  customer_satisfaction: 1150,
  customer_effort_score: 1260,
  survey_response_rate: 1020,
  contact_rate: 1130,
  retention_cost: 1820,
  acquisition_cost: 1210,
  clv_to_cac: 1180,
  acquisition_vs_retention: 1640,
  repeat_purchase_rate: 1510,
  referral_rate: 1100,
  redemption_rate: 1210,
  punch_card_cost: 1490,
  mrr_churn: 2340,
  retention_projection: 3290
};
