// The metric picker: a search field over the catalog's metrics, grouped by family.
// Each metric is a real link (?metric=…) so it can be opened in a new tab;
// a plain click or Enter is intercepted and switches the calculator in place.

import { el, isPlainClick } from "../shared/dom.js";

/** Lower-case text without accents, for matching ("Lojalność" ~ "lojalnosc"). */
function fold(text) {
  return String(text ?? "").normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase();
}

/**
 * @param {HTMLElement} root  the <nav> to fill
 * @param {{ onPick: (id: string) => void }} hooks
 */
export function createPicker(root, { onPick }) {
  let entries = []; // { id, li, link, haystack, group }
  let groups = []; // { box, items }
  let search = null;
  let count = null;
  let noMatch = null;
  let text = (key) => key;

  function visibleLinks() {
    return entries.filter((entry) => !entry.li.hidden).map((entry) => entry.link);
  }

  function filter() {
    const words = fold(search.value).split(/\s+/).filter(Boolean);
    let matches = 0;
    for (const entry of entries) {
      const hit = words.every((word) => entry.haystack.includes(word));
      entry.li.hidden = !hit;
      if (hit) matches += 1;
    }
    for (const group of groups) group.box.hidden = group.items.every((entry) => entry.li.hidden);
    noMatch.hidden = matches > 0;
    noMatch.textContent = matches > 0 ? "" : text("ui.no_match", { query: search.value.trim() });
    count.textContent = text("ui.metric_count", { count: matches, n: matches, total: entries.length });
  }

  function onSearchKey(event) {
    const links = visibleLinks();
    if (event.key === "Enter") {
      event.preventDefault();
      if (links.length > 0) onPick(links[0].dataset.metric, { focus: true });
    } else if (event.key === "ArrowDown" && links.length > 0) {
      event.preventDefault();
      links[0].focus();
    } else if (event.key === "Escape" && search.value !== "") {
      event.preventDefault();
      search.value = "";
      filter();
    }
  }

  function onListKey(event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const links = visibleLinks();
    // The focused link as seen from the picker's own tree (a widget's shadow root, or the page).
    const at = links.indexOf(root.getRootNode().activeElement);
    if (at < 0) return;
    event.preventDefault();
    const next = event.key === "ArrowDown" ? at + 1 : at - 1;
    if (next < 0) search.focus();
    else links[Math.min(next, links.length - 1)].focus();
  }

  /**
   * Builds the picker for one language.
   * @param metrics  catalog() in display order
   * @param t        text lookup
   * @param hrefFor  metric id → address of that metric
   * @param current  id of the metric shown
   */
  function render(metrics, t, hrefFor, current) {
    text = t;
    const query = search ? search.value : "";
    entries = [];
    groups = [];

    search = el("input", {
      id: "metric-search",
      type: "search",
      class: "picker__search",
      autocomplete: "off",
      spellcheck: "false",
      placeholder: t("ui.search_placeholder"),
      "aria-describedby": "metric-count",
      "aria-controls": "metric-groups",
    });
    search.value = query;
    search.addEventListener("input", filter);
    search.addEventListener("keydown", onSearchKey);
    count = el("p", { id: "metric-count", class: "picker__count", "aria-live": "polite" });
    noMatch = el("p", { class: "picker__no-match", hidden: true });

    const byGroup = new Map();
    for (const metric of metrics) {
      if (!byGroup.has(metric.group)) byGroup.set(metric.group, { name: metric.group_name, metrics: [] });
      byGroup.get(metric.group).metrics.push(metric);
    }

    const list = el("div", { id: "metric-groups", class: "picker__groups" });
    list.addEventListener("keydown", onListKey);
    for (const [groupId, group] of byGroup) {
      const headingId = `group-${groupId}`;
      const items = [];
      const ul = el("ul", { class: "picker__list", "aria-labelledby": headingId });
      for (const metric of group.metrics) {
        const link = el("a", { href: hrefFor(metric.id), "data-metric": metric.id, text: metric.name });
        link.addEventListener("click", (event) => {
          if (!isPlainClick(event)) return;
          event.preventDefault();
          onPick(metric.id, { focus: true });
        });
        const li = el("li", {}, link);
        ul.append(li);
        const entry = {
          id: metric.id,
          li,
          link,
          haystack: fold([metric.name, metric.short, metric.description, metric.id.replaceAll("_", " "), group.name].join(" ")),
        };
        entries.push(entry);
        items.push(entry);
      }
      const box = el("div", { class: "picker__group" }, el("h2", { id: headingId, class: "picker__heading", text: group.name }), ul);
      groups.push({ box, items });
      list.append(box);
    }

    root.setAttribute("aria-label", t("ui.picker_heading"));
    root.replaceChildren(
      el("label", { for: "metric-search", class: "picker__label", text: t("ui.search_label") }),
      search,
      count,
      list,
      noMatch,
    );
    filter();
    setCurrent(current);
  }

  /** Marks the shown metric, scrolls the list (not the page) to it, refreshes the links' addresses. */
  function setCurrent(id, hrefFor) {
    for (const entry of entries) {
      if (entry.id === id) {
        entry.link.setAttribute("aria-current", "page");
        const list = entry.li.closest(".picker__groups");
        const top = entry.li.offsetTop; // the list is the offset parent (position: relative)
        if (top < list.scrollTop || top + entry.li.offsetHeight > list.scrollTop + list.clientHeight) {
          list.scrollTop = Math.max(0, top - list.clientHeight / 3);
        }
      } else {
        entry.link.removeAttribute("aria-current");
      }
      if (hrefFor) entry.link.setAttribute("href", hrefFor(entry.id));
    }
  }

  return { render, setCurrent };
}
