// Choosing a language and currency from what the engine offers, and the text
// lookup with numbers written the reader's way. Shared by the page (app.js)
// and the blog widget (widget.js), so both pick and write alike.

import { makeText } from "./dom.js";

/** Codes listed by the engine's texts as "<prefix>.<code>" keys (`lang.pl`, `currency.PLN`). */
export function codesIn(dict, prefix) {
  return Object.keys(dict).filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length));
}

/** The first of `requested`, then the browser's languages, that the engine knows; else English. */
export function chooseLanguage(requested, known) {
  const wanted = [requested, ...(navigator.languages || []), navigator.language]
    .filter(Boolean)
    .map((tag) => String(tag).toLowerCase().split(/[-_]/)[0]);
  return wanted.find((code) => known.includes(code)) || (known.includes("en") ? "en" : known[0]);
}

/** `requested` (any case) when the engine knows it, else US dollars, else the first it knows. */
export function chooseCurrency(requested, known) {
  const code = requested ? String(requested).toUpperCase() : null;
  if (known.includes(code)) return code;
  return known.includes("USD") ? "USD" : known[0];
}

/** Countries that pay in euros, by their region code in a locale tag (`de-AT`). */
const EURO_REGIONS = new Set(["AT", "BE", "CY", "DE", "EE", "ES", "FI", "FR", "GR", "HR", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PT", "SI", "SK"]);
/** Languages spoken mostly where euros are paid, for a tag without a region (`de`). */
const EURO_LANGUAGES = new Set(["de", "el", "et", "fi", "fr", "ga", "hr", "it", "lt", "lv", "mt", "nl", "sk", "sl"]);
const BY_REGION = { GB: "GBP", PL: "PLN", RU: "RUB", UA: "UAH", US: "USD" };
const BY_LANGUAGE = { pl: "PLN", ru: "RUB", uk: "UAH" };

/**
 * The currency a reader in `locale` most likely pays in, among `known`:
 * pl → PLN, ru → RUB, uk → UAH, en-GB → GBP, the euro countries → EUR,
 * else US dollars. The region decides when the tag has one (`ru-UA` is UAH).
 */
export function currencyForLocale(locale, known) {
  const [language = "", region = ""] = String(locale || "").split(/[-_]/);
  const lang = language.toLowerCase();
  const country = region.toUpperCase();
  const fromRegion = BY_REGION[country] || (EURO_REGIONS.has(country) ? "EUR" : null);
  // French in Canada is not euros: a language says euros only without a region.
  const fromLanguage = BY_LANGUAGE[lang] || (EURO_LANGUAGES.has(lang) && country === "" ? "EUR" : null);
  return chooseCurrency(fromRegion || fromLanguage, known);
}

/**
 * Text lookup over `dict` (the engine's messages) with numbers written for
 * `numberLocale` (1,234 or 1 234) and plural forms picked for `lang`.
 */
export function textsFor(dict, { lang, numberLocale }) {
  return makeText(dict, {
    lang,
    numberLocale,
    number: (n) => {
      try {
        return new Intl.NumberFormat(numberLocale, { maximumFractionDigits: 2 }).format(n);
      } catch {
        return String(n);
      }
    },
  });
}
