// SynthGate's pages: live sections that refresh themselves, and the review worklist's keyboard.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-refresh]").forEach(section => {
    const every = Number(section.dataset.every || 10) * 1000;
    setInterval(async () => {
      const response = await fetch(section.dataset.refresh, { credentials: "same-origin" });
      if (response.ok) {
        section.innerHTML = await response.text();
      } else if (response.status === 401 || response.redirected) {
        window.location.reload();
      }
    }, every);
  });

  document.querySelectorAll(".panel .viewport").forEach(viewport => {
    viewport.addEventListener("click", () => viewport.closest(".panel").classList.toggle("zoomed"));
  });

  const verdict = document.getElementById("verdict");
  let sent = false;
  if (verdict) {
    verdict.addEventListener("submit", () => { sent = true; });
  }
  const comment = document.getElementById("comment");
  const windows = document.getElementById("windows");
  document.addEventListener("keydown", event => {
    if (event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    if (event.target === comment) {
      if (event.key === "Escape") {
        comment.blur();
      }
      return;
    }
    const key = event.key.toLowerCase();
    if (verdict && (key === "a" || key === "r")) {
      event.preventDefault();
      if (sent) {
        return;
      }
      document.getElementById(key === "a" ? "approve" : "reject").click();
    } else if (verdict && /^[1-5]$/.test(key)) {
      verdict.querySelector(`input[name=grade][value="${key}"]`).checked = true;
    } else if (verdict && key === "c") {
      event.preventDefault();
      comment.focus();
    } else if (key === "z") {
      const current = document.querySelector(".panel.current") || document.querySelector(".panel");
      if (current) {
        current.classList.toggle("zoomed");
      }
    } else if (key === "w" && windows) {
      const next = (Number(windows.dataset.current) + 1) % Number(windows.dataset.count);
      windows.querySelectorAll("a")[next].click();
    } else if (key === "n" && verdict) {
      const next = verdict.dataset.next.trim().split(" ").filter(sop => sop);
      if (next.length) {
        window.location.href = `/admin/review?candidate=${next[0]}&w=${windows ? windows.dataset.current : 0}`;
      }
    }
  });
});
