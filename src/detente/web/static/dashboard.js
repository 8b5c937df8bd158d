// detente dashboard: small enhancements; every page works without this file.
// 1. A click on a chart period reloads only the event list for that period (the links also work
//    as plain links). 2. Pointing at an event lights up its words in the article text.
"use strict";

function filterEvents(link) {
  const target = document.getElementById("events");
  if (!target) return false;
  fetch(link.href, { headers: { Accept: "text/html" } })
    .then((response) => {
      if (!response.ok) throw new Error(response.status);
      return response.text();
    })
    .then((html) => {
      const page = new DOMParser().parseFromString(html, "text/html");
      const fresh = page.getElementById("events");
      if (!fresh) throw new Error("no event list");
      target.replaceWith(fresh);
      const period = fresh.dataset.period || "";
      document.querySelectorAll("svg .period").forEach((mark) => {
        mark.classList.toggle("selected", mark.dataset.period === period);
      });
      history.replaceState(null, "", link.href);
      fresh.scrollIntoView({ block: "start", behavior: "smooth" });
    })
    .catch(() => { window.location.href = link.href; });
  return true;
}

document.addEventListener("click", (event) => {
  const link = event.target.closest("a[data-period], a[data-clear]");
  if (!link || event.metaKey || event.ctrlKey || event.shiftKey) return;
  const href = link.href || (link.getAttribute && link.getAttribute("href"));
  if (!href) return;
  // SVG <a> elements have an SVGAnimatedString href; normalise to a plain link object.
  const url = typeof href === "string" ? href : href.baseVal;
  if (filterEvents({ href: new URL(url, window.location.href).href })) event.preventDefault();
});

function lightUp(index, on) {
  document.querySelectorAll("[data-highlight] .body [data-ev], [data-highlight] .body [data-s]").forEach((piece) => {
    const ids = ((piece.dataset.ev || piece.dataset.s) || "").split(" ");
    const hit = on && ids.includes(index);
    piece.classList.toggle(piece.dataset.ev !== undefined ? "active" : "lit", hit);
  });
}

document.querySelectorAll("ol.evidence li[data-event]").forEach((item) => {
  const index = item.dataset.event;
  item.addEventListener("mouseenter", () => lightUp(index, true));
  item.addEventListener("mouseleave", () => { if (!item.classList.contains("active")) lightUp(index, false); });
  item.addEventListener("focus", () => lightUp(index, true));
  item.addEventListener("click", () => {
    const was = item.classList.contains("active");
    document.querySelectorAll("ol.evidence li.active").forEach((other) => other.classList.remove("active"));
    lightUp(index, false);
    if (!was) {
      item.classList.add("active");
      lightUp(index, true);
      const first = document.querySelector(`[data-highlight] .body [data-ev~="${CSS.escape(index)}"]`);
      if (first) first.scrollIntoView({ block: "nearest" });
    }
  });
});
