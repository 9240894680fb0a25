// Finding a metric in the reader's own words: its name, abbreviation and
// synonyms (the catalog's, in the reader's language and in English), across
// word endings ("utrzymanie" finds "utrzymania", "retention" "retencja") and
// small typos ("retenton"), the best match first. Pure functions, so
// node --test checks them with real phrasings.

/** Lower-case text without accents, for matching ("Lojalność" ~ "lojalnosc", "ё" ~ "е"). */
export function fold(text) {
  return String(text ?? "")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/ł/g, "l")
    .replace(/Ł/g, "l")
    .toLocaleLowerCase();
}

/** The words of a text, folded: letters and digits, anything else splits. */
export function words(text) {
  return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** How much each place a word is found in counts; typos are forgiven only in names. */
const FIELDS = [
  { key: "name", weight: 3, typos: true },
  { key: "short", weight: 3, typos: false },
  { key: "synonym", weight: 2.5, typos: true },
  { key: "id", weight: 2, typos: false },
  { key: "group", weight: 1, typos: false },
  { key: "description", weight: 0.6, typos: false },
];

/** Edit distance with swapped neighbours counting as one edit (Damerau–Levenshtein, restricted). */
export function editDistance(a, b) {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

function commonPrefix(a, b) {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
}

/**
 * How well a typed word `q` matches a word of the metric `w`, from 0 (not
 * at all) to 1 (the same word): its beginning as typed so far (0.9);
 * another ending of the same stem, as Polish and Russian inflect (0.8:
 * "zakupy" ~ "zakupów", "покупки" ~ "покупок"); a small typo (0.6).
 */
export function wordMatch(q, w, typos) {
  if (q === w) return 1;
  if (w.startsWith(q)) return 0.9;
  const shorter = Math.min(q.length, w.length);
  const common = commonPrefix(q, w);
  if (common >= 4 && common >= shorter - 3 && common >= 0.6 * shorter) return 0.8;
  if (typos && q.length >= 4) {
    const allowed = q.length >= 8 ? 2 : 1;
    if (editDistance(q, w) <= allowed) return 0.6;
    if (w.length > q.length && editDistance(q, w.slice(0, q.length)) <= allowed) return 0.6;
  }
  return 0;
}

/**
 * The searchable words of each metric, built once per language.
 * @param metrics catalog() entries
 * @returns {{ id: string, phrases: { field, weight, typos, words: string[] }[] }[]}
 */
export function searchIndex(metrics) {
  return metrics.map((metric) => {
    const texts = {
      name: [metric.name],
      short: metric.short ? [metric.short] : [],
      synonym: metric.synonyms || [],
      id: [metric.id.replaceAll("_", " ")],
      group: [metric.group_name],
      description: [metric.description],
    };
    const phrases = FIELDS.flatMap((field) => texts[field.key].map((text) => ({ ...field, words: words(text) })));
    return { id: metric.id, phrases };
  });
}

/** The best match of one typed word in one phrase: [quality × weight, quality]. */
function bestIn(phrase, q) {
  let quality = 0;
  for (const w of phrase.words) quality = Math.max(quality, wordMatch(q, w, phrase.typos));
  return quality;
}

/**
 * The metrics matching every typed word, best first: a word counts where it
 * matches best (a name over a description), and a name or synonym that holds
 * every typed word counts extra ("wskaźnik utrzymania" is the retention rate,
 * not every "wskaźnik" that mentions keeping customers).
 * @returns {{ id: string, score: number }[]}
 */
export function rankMetrics(index, query) {
  const typed = words(query);
  if (typed.length === 0) return index.map((entry) => ({ id: entry.id, score: 0 }));
  const ranked = [];
  index.forEach((entry, order) => {
    let score = 0;
    for (const q of typed) {
      let best = 0;
      for (const phrase of entry.phrases) best = Math.max(best, phrase.weight * bestIn(phrase, q));
      if (best === 0) return;
      score += best;
    }
    let bonus = 0;
    for (const phrase of entry.phrases) {
      if (phrase.field === "description" || phrase.field === "group") continue;
      const qualities = typed.map((q) => bestIn(phrase, q));
      if (qualities.some((quality) => quality === 0)) continue;
      const mean = qualities.reduce((a, b) => a + b, 0) / qualities.length;
      // The whole phrase typed, no word of it missing, counts most.
      const whole = phrase.words.length === typed.length ? 1.5 : 0;
      bonus = Math.max(bonus, (2 + whole) * mean * typed.length);
    }
    ranked.push({ id: entry.id, score: score + bonus, order });
  });
  return ranked.sort((a, b) => b.score - a.score || a.order - b.order).map(({ id, score }) => ({ id, score }));
}

/**
 * When nothing matches: the `count` metrics whose names and synonyms come
 * closest to what was typed, by how few letters would have to change.
 */
export function closestMetrics(index, query, count = 3) {
  const typed = words(query);
  if (typed.length === 0) return [];
  const scored = index.map((entry, order) => {
    let distance = 0;
    for (const q of typed) {
      let best = Infinity;
      for (const phrase of entry.phrases) {
        if (phrase.field === "description") continue;
        for (const w of phrase.words) {
          const d = editDistance(q, w.length > q.length ? w.slice(0, q.length) : w) / q.length;
          best = Math.min(best, d);
        }
      }
      distance += best;
    }
    return { id: entry.id, distance: distance / typed.length, order };
  });
  return scored
    .sort((a, b) => a.distance - b.distance || a.order - b.order)
    .slice(0, count)
    .map((entry) => entry.id);
}

/**
 * True when every word typed asks for what only the reader's own data gives
 * (cohorts, segments, customers one by one): `dataWords` is the language's
 * comma-separated list. "customers" asks for the data; "customer lifetime
 * value" asks for a metric.
 */
export function asksForData(query, dataWords) {
  const typed = words(query);
  const known = String(dataWords).split(",").map((phrase) => words(phrase)).filter((list) => list.length > 0);
  return typed.length > 0 && typed.every((q) => q.length >= 3 && known.some((phrase) => phrase.some((w) => wordMatch(q, w, true) >= 0.8)));
}
