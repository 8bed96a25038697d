// SynthGate's pages: live sections that refresh themselves, and the keyboards of the review worklist and
// of reader studies.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-refresh]").forEach(section => {
    const every = Number(section.dataset.every || 10) * 1000;
    const timer = setInterval(async () => {
      const response = await fetch(section.dataset.refresh, { credentials: "same-origin" });
      if (response.ok) {
        section.innerHTML = await response.text();
        // A finished cohort or run says so: its section stays still, to be read and acted on.
        if (section.querySelector("[data-refresh-done]")) {
          clearInterval(timer);
        }
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
  const reading = document.getElementById("reading");
  if (reading) {
    reading.addEventListener("submit", () => { sent = true; });
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
    if (reading) {
      answerKey(reading, key, event);
      return;
    }
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

// A reader study's keys: r real, s synthetic, 1-5 confidence, 6-0 plausibility 1-5, Enter answers, z zooms.
function answerKey(reading, key, event) {
  const pick = (name, value) => { reading.querySelector(`input[name=${name}][value="${value}"]`).checked = true; };
  if (key === "r" || key === "s") {
    pick("answer", key === "r" ? "REAL" : "SYNTHETIC");
  } else if (/^[1-5]$/.test(key)) {
    pick("confidence", key);
  } else if (/^[6-90]$/.test(key)) {
    pick("plausibility", key === "0" ? "5" : String(Number(key) - 5));
  } else if (key === "enter") {
    event.preventDefault();
    if (reading.checkValidity()) {
      reading.requestSubmit();
    } else {
      reading.reportValidity();
    }
  } else if (key === "z") {
    document.querySelector(".panel").classList.toggle("zoomed");
  }
}
