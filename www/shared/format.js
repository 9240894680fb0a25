// Numbers, money, percents, dates and period names written the reader's way
// (Intl in their locale). The engine gives plain numbers and ISO dates; the
// data view shows them through one of these.

/** Formatters for one locale and currency. */
export function createFormat({ locale, currency, t }) {
  const cache = new Map();
  const numberFormat = (options) => {
    const key = JSON.stringify(options);
    if (!cache.has(key)) {
      try {
        cache.set(key, new Intl.NumberFormat(locale, options));
      } catch {
        cache.set(key, new Intl.NumberFormat("en", options));
      }
    }
    return cache.get(key);
  };
  const dateFormat = (options) => {
    const key = `date:${JSON.stringify(options)}`;
    if (!cache.has(key)) {
      try {
        cache.set(key, new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }));
      } catch {
        cache.set(key, new Intl.DateTimeFormat("en", { ...options, timeZone: "UTC" }));
      }
    }
    return cache.get(key);
  };
  const finite = (value) => typeof value === "number" && Number.isFinite(value);
  const dash = t("data.page.null");

  /** "2024-03-28" → a Date at midnight UTC (the log's dates have no time of day). */
  function isoDate(text) {
    const [year, month = 1, day = 1] = String(text).split("-").map(Number);
    return new Date(Date.UTC(year, month - 1, day));
  }

  return {
    locale,
    currency,
    dash,
    /** 1234 → "1,234". */
    integer: (value) => (finite(value) ? numberFormat({ maximumFractionDigits: 0 }).format(value) : dash),
    /** A number with up to `digits` decimals (exactly `digits` when `fixed`). */
    decimal: (value, digits = 1, fixed = false) =>
      finite(value)
        ? numberFormat({ minimumFractionDigits: fixed ? digits : 0, maximumFractionDigits: digits }).format(value)
        : dash,
    /** A percent given as a number of percent (84.27 → "84.3%"). */
    percent: (value, digits = 1) =>
      finite(value) ? numberFormat({ style: "percent", maximumFractionDigits: digits }).format(value / 100) : dash,
    /**
     * Money the way the calculator shows it: a whole amount without cents
     * ("$12"), any other with them ("$12.50"). `fixed` always shows cents, so
     * a table column lines up.
     */
    money(value, fixed = false) {
      if (!finite(value)) return dash;
      const whole = Math.abs(Math.round(value * 100) % 100) === 0;
      const options = { style: "currency", currency };
      if (whole && !fixed) options.minimumFractionDigits = 0;
      if (whole && !fixed) options.maximumFractionDigits = 0;
      return numberFormat(options).format(value);
    },
    /** Money rounded to whole units ("$2,878"), where a table needs the room more than the cents. */
    wholeMoney: (value) =>
      finite(value) ? numberFormat({ style: "currency", currency, minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(value) : dash,
    /** "2024-03-28" → "28 Mar 2024" (or the reader's order). */
    date: (text) => (text ? dateFormat({ dateStyle: "medium" }).format(isoDate(text)) : dash),
    /** "2024-03" → "Mar 2024"; "2024-Q1" → "Q1 2024" (from the texts). */
    period(label) {
      const quarter = /^(\d{4})-Q([1-4])$/.exec(String(label));
      if (quarter) return t("data.page.quarter", { q: quarter[2], year: quarter[1] });
      if (/^\d{4}-\d{2}$/.test(String(label))) return dateFormat({ month: "short", year: "numeric" }).format(isoDate(label));
      return String(label);
    },
  };
}

/** The order the reader writes dates in ("dmy", "mdy" or "ymd"), from their locale. */
export function localeDateOrder(locale) {
  try {
    const parts = new Intl.DateTimeFormat(locale, { year: "numeric", month: "2-digit", day: "2-digit" })
      .formatToParts(new Date(Date.UTC(2024, 10, 22)))
      .map((part) => part.type)
      .filter((type) => type === "year" || type === "month" || type === "day");
    const order = parts.map((type) => type[0]).join("");
    return ["dmy", "mdy", "ymd"].includes(order) ? order : "dmy";
  } catch {
    return "dmy";
  }
}
