// The metric picker: a search field over the catalog's metrics, grouped by
// family. Typing ranks the metrics by how well they match (search.js): the
// best first, in a list of their own; when nothing matches, the closest
// metrics are offered, and the data view for what only the reader's data
// gives (cohorts, segments). Each metric is a real link (?metric=…) so it
// can be opened in a new tab; a plain click or Enter is intercepted and
// switches the calculator in place.

import { el, isPlainClick } from "../shared/dom.js";
import { asksForData, closestMetrics, rankMetrics, searchIndex } from "./search.js";

/**
 * @param {HTMLElement} root  the <nav> to fill
 * @param {{ onPick: (id: string) => void, dataView?: { href: () => string, open: () => void } }} hooks
 *   dataView: where the reader's own data is analysed (the page has one, the widget does not)
 */
export function createPicker(root, { onPick, dataView = null }) {
  let entries = []; // { id, li, link, metric }
  let index = [];
  let search = null;
  let count = null;
  let list = null;
  let results = null;
  let noMatch = null;
  let dataHint = null;
  let current = null;
  let hrefOf = (id) => `?metric=${id}`;
  let text = (key) => key;

  /** The metric links shown: the ranked matches while searching, else every metric. */
  function visibleLinks() {
    if (list.hidden) return [...results.querySelectorAll("a[data-metric]")];
    return entries.map((entry) => entry.link);
  }

  /** A link to a metric that switches the calculator on a plain click. */
  function metricLink(metric) {
    const link = el("a", { href: hrefOf(metric.id), "data-metric": metric.id, text: metric.name });
    if (metric.id === current) link.setAttribute("aria-current", "page");
    link.addEventListener("click", (event) => {
      if (!isPlainClick(event)) return;
      event.preventDefault();
      onPick(metric.id, { focus: true });
    });
    return link;
  }

  function filter() {
    const query = search.value.trim();
    const byId = new Map(entries.map((entry) => [entry.id, entry]));
    const ranked = query === "" ? [] : rankMetrics(index, query);
    list.hidden = query !== "";
    results.hidden = query === "" || ranked.length === 0;
    results.replaceChildren(...ranked.map(({ id }) => el("li", {}, metricLink(byId.get(id).metric))));
    const shown = query === "" ? entries.length : ranked.length;
    noMatch.hidden = query === "" || ranked.length > 0;
    if (!noMatch.hidden) {
      const closest = closestMetrics(index, query).map((id) => el("li", {}, metricLink(byId.get(id).metric)));
      noMatch.replaceChildren(
        el("p", { text: text("ui.no_match", { query }) }),
        el("p", { class: "picker__closest-label", text: text("ui.search.closest") }),
        el("ul", { class: "picker__list picker__closest" }, closest),
      );
    }
    dataHint.hidden = !(dataView && query !== "" && asksForData(query, text("ui.search.data_words")));
    count.textContent = text("ui.metric_count", { count: shown, n: shown, total: entries.length });
  }

  function onSearchKey(event) {
    const links = visibleLinks();
    if (event.key === "Enter") {
      event.preventDefault();
      if (links.length > 0) onPick(links[0].dataset.metric, { focus: true });
    } else if (event.key === "ArrowDown") {
      // Down also reaches the closest metrics offered when nothing matched.
      const first = links[0] || noMatch.querySelector("a[data-metric]");
      if (!first) return;
      event.preventDefault();
      first.focus();
    } else if (event.key === "Escape" && search.value !== "") {
      event.preventDefault();
      search.value = "";
      filter();
    }
  }

  function onListKey(event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const links = [...visibleLinks(), ...noMatch.querySelectorAll("a[data-metric]")];
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
  function render(metrics, t, hrefFor, shownId) {
    text = t;
    hrefOf = hrefFor;
    current = shownId;
    const query = search ? search.value : "";
    entries = [];
    index = searchIndex(metrics);

    search = el("input", {
      id: "metric-search",
      type: "search",
      class: "picker__search",
      autocomplete: "off",
      spellcheck: "false",
      placeholder: t("ui.search_placeholder"),
      "aria-describedby": "metric-count",
      "aria-controls": "metric-groups metric-results",
    });
    search.value = query;
    search.addEventListener("input", filter);
    search.addEventListener("keydown", onSearchKey);
    count = el("p", { id: "metric-count", class: "picker__count", "aria-live": "polite" });
    noMatch = el("div", { class: "picker__no-match", hidden: true });
    dataHint = el("p", { class: "picker__data-hint", hidden: true }, t("ui.search.data_hint"), " ",
      dataView
        ? el("a", {
          href: dataView.href(),
          text: t("data.page.nav_data"),
          onclick: (event) => {
            if (!isPlainClick(event)) return;
            event.preventDefault();
            dataView.open();
          },
        })
        : null);

    const byGroup = new Map();
    for (const metric of metrics) {
      if (!byGroup.has(metric.group)) byGroup.set(metric.group, { name: metric.group_name, metrics: [] });
      byGroup.get(metric.group).metrics.push(metric);
    }

    list = el("div", { id: "metric-groups", class: "picker__groups" });
    list.addEventListener("keydown", onListKey);
    for (const [groupId, group] of byGroup) {
      const headingId = `group-${groupId}`;
      const ul = el("ul", { class: "picker__list", "aria-labelledby": headingId });
      for (const metric of group.metrics) {
        const link = metricLink(metric);
        const li = el("li", {}, link);
        ul.append(li);
        const entry = { id: metric.id, li, link, metric };
        entries.push(entry);
      }
      const box = el("div", { class: "picker__group" }, el("h2", { id: headingId, class: "picker__heading", text: group.name }), ul);
      list.append(box);
    }
    results = el("ul", { id: "metric-results", class: "picker__list picker__results", "aria-label": t("ui.search.results"), hidden: true });
    results.addEventListener("keydown", onListKey);
    noMatch.addEventListener("keydown", onListKey);

    root.setAttribute("aria-label", t("ui.picker_heading"));
    root.replaceChildren(
      el("label", { for: "metric-search", class: "picker__label", text: t("ui.search_label") }),
      search,
      count,
      list,
      results,
      noMatch,
      dataHint,
    );
    filter();
    setCurrent(shownId);
  }

  /** Marks the shown metric, scrolls the list (not the page) to it, refreshes the links' addresses. */
  function setCurrent(id, hrefFor) {
    current = id;
    if (hrefFor) hrefOf = hrefFor;
    for (const entry of entries) {
      if (entry.id === id) {
        entry.link.setAttribute("aria-current", "page");
        const top = entry.li.offsetTop; // the list is the offset parent (position: relative)
        if (top < list.scrollTop || top + entry.li.offsetHeight > list.scrollTop + list.clientHeight) {
          list.scrollTop = Math.max(0, top - list.clientHeight / 3);
        }
      } else {
        entry.link.removeAttribute("aria-current");
      }
      if (hrefFor) entry.link.setAttribute("href", hrefFor(entry.id));
    }
    for (const link of root.querySelectorAll(".picker__results a[data-metric], .picker__closest a[data-metric]")) {
      if (link.dataset.metric === id) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
      if (hrefFor) link.setAttribute("href", hrefFor(link.dataset.metric));
    }
  }

  return { render, setCurrent };
}
