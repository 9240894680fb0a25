// Goals kept on this device (localStorage), one per metric: nothing leaves
// the browser. Storage can throw (private mode, a full quota): goals then
// last until the page is closed, kept in memory instead.

const KEY = "retention-metrics:goals:v1";
let unsaved = null; // the goals when storage refuses them

/** Every goal by metric id. */
export function readGoals() {
  if (unsaved) return { ...unsaved };
  try {
    const saved = JSON.parse(window.localStorage.getItem(KEY));
    return saved && typeof saved === "object" ? saved : {};
  } catch {
    return {};
  }
}

function write(goals) {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(goals));
    unsaved = null;
  } catch {
    unsaved = goals;
  }
}

/** The goal set on `metricId`, or null. */
export function goalFor(metricId) {
  const goal = readGoals()[metricId];
  return goal && typeof goal === "object" && Number.isFinite(goal.target) && Number.isFinite(goal.baseline) ? goal : null;
}

/**
 * Sets (or replaces) the goal of `metricId`:
 * { target, baseline, set: "2026-12-07", due: "2027-03-31" | null, period: "month" | null }.
 */
export function saveGoal(metricId, goal) {
  write({ ...readGoals(), [metricId]: goal });
}

/** Removes the goal of `metricId`. */
export function removeGoal(metricId) {
  const goals = readGoals();
  delete goals[metricId];
  write(goals);
}
