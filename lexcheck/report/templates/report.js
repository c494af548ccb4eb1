// Filters (mirrored to ?status=&severity=&family=&q=), deep links that open their target, print.
(() => {
  "use strict";
  const NAMES = ["status", "severity", "family"];
  const form = document.getElementById("filters");
  const text = document.getElementById("filter-text");
  const count = document.getElementById("filter-count");
  const select = (name) => document.getElementById("filter-" + name);
  const findings = [...document.querySelectorAll(".finding")];
  const rows = [...document.querySelectorAll("#matrix tbody tr[data-status]")];

  const matches = (element, words) =>
    NAMES.every((name) => !select(name).value || element.dataset[name] === select(name).value) &&
    (!words || element.textContent.toLowerCase().includes(words));

  function apply() {
    const words = text.value.trim().toLowerCase();
    let shown = 0;
    for (const finding of findings) {
      finding.hidden = !matches(finding, words);
      shown += finding.hidden ? 0 : 1;
    }
    for (const row of rows) row.hidden = !matches(row, words);
    for (const body of document.querySelectorAll("#matrix tbody")) {
      body.hidden = !body.querySelector("tr[data-status]:not([hidden])");
    }
    count.textContent = `${shown} of ${findings.length} findings shown`;
  }

  function mirrorToUrl() {
    const url = new URL(location.href);
    for (const name of NAMES) {
      if (select(name).value) url.searchParams.set(name, select(name).value);
      else url.searchParams.delete(name);
    }
    if (text.value.trim()) url.searchParams.set("q", text.value.trim());
    else url.searchParams.delete("q");
    history.replaceState(null, "", url);
  }

  function restoreFromUrl() {
    const params = new URLSearchParams(location.search);
    for (const name of NAMES) {
      const wanted = params.get(name);
      if ([...select(name).options].some((option) => option.value === wanted)) select(name).value = wanted;
    }
    text.value = params.get("q") || "";
  }

  function clearFilters() {
    for (const name of NAMES) select(name).value = "";
    text.value = "";
    apply();
    mirrorToUrl();
  }

  // A link to a finding or a provision opens what it points at, even past a filter or a closed <details>.
  function reveal() {
    const id = decodeURIComponent(location.hash.slice(1));
    const target = id && document.getElementById(id);
    if (!target) return;
    if (target.closest("[hidden]")) clearFilters();
    const details = target.querySelector(":scope > details") || target.closest("details");
    if (details) details.open = true;
    target.scrollIntoView({ block: "start" });
  }

  const openedForPrint = [];
  window.addEventListener("beforeprint", () => {
    for (const details of document.querySelectorAll("details:not([open])")) {
      details.open = true;
      openedForPrint.push(details);
    }
  });
  window.addEventListener("afterprint", () => {
    while (openedForPrint.length) openedForPrint.pop().open = false;
  });

  form.addEventListener("input", () => { apply(); mirrorToUrl(); });
  form.addEventListener("submit", (event) => event.preventDefault());
  window.addEventListener("hashchange", reveal);
  form.hidden = false;
  restoreFromUrl();
  apply();
  reveal();
})();
