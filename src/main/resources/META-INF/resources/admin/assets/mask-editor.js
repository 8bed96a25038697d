// The mask editor of /admin/jobs/{id}/masks/{n}: shapes drawn on the de-identified image in its own pixels
// (rectangle, ellipse, polygon, brush), zoom and window, and the shapes written in the mask language into
// the save form, which makes each save a new version on the server.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const stage = document.getElementById("mask-stage");
  if (!stage) {
    return;
  }
  const columns = Number(stage.dataset.columns);
  const rows = Number(stage.dataset.rows);
  const editable = stage.dataset.editable === "true";
  const holder = document.getElementById("mask-canvas");
  const canvas = document.getElementById("mask-shapes");
  const context = canvas.getContext("2d");
  const picture = document.getElementById("mask-image");
  const saved = document.getElementById("mask-saved");
  const shapesField = document.getElementById("shapes");
  const saveButton = document.getElementById("save-mask");
  const count = document.getElementById("shape-count");
  const opened = shapesField ? shapesField.value : "";
  const shapes = parse(opened);
  let current = null;
  let zoom = 1;

  // Shapes in the mask language: numbers are image pixels, or percentages of the columns (x) and rows (y).
  function parse(text) {
    const parsed = [];
    text.split(";").map(part => part.trim().split(/\s+/)).filter(words => words[0]).forEach(words => {
      const kind = words[0].toLowerCase();
      const values = words.slice(1).map((word, i) => length(word, kind === "stroke" ? (i === 0 ? columns : (i % 2 ? columns : rows))
        : (i % 2 ? rows : columns)));
      if (kind === "rectangle" && values.length === 4) {
        parsed.push({ type: kind, x: values[0], y: values[1], w: values[2], h: values[3] });
      } else if (kind === "ellipse" && values.length === 4) {
        parsed.push({ type: kind, cx: values[0], cy: values[1], rx: values[2], ry: values[3] });
      } else if (kind === "polygon" && values.length >= 6) {
        parsed.push({ type: kind, points: values });
      } else if (kind === "stroke" && values.length >= 3) {
        parsed.push({ type: kind, r: values[0], points: values.slice(1) });
      }
    });
    return parsed;
  }

  function length(word, extent) {
    return word.endsWith("%") ? parseFloat(word) * extent / 100 : parseFloat(word);
  }

  function number(value) {
    return String(Math.round(value * 10) / 10);
  }

  function text(shape) {
    switch (shape.type) {
      case "rectangle": {
        const x = Math.min(shape.x, shape.x + shape.w);
        const y = Math.min(shape.y, shape.y + shape.h);
        return ["rectangle", x, y, Math.abs(shape.w), Math.abs(shape.h)].map(v => typeof v === "number" ? number(v) : v).join(" ");
      }
      case "ellipse":
        return ["ellipse", shape.cx, shape.cy, Math.abs(shape.rx), Math.abs(shape.ry)].map(v => typeof v === "number" ? number(v) : v).join(" ");
      case "polygon":
        return "polygon " + shape.points.map(number).join(" ");
      default:
        return "stroke " + number(shape.r) + " " + shape.points.map(number).join(" ");
    }
  }

  function usable(shape) {
    switch (shape.type) {
      case "rectangle": return Math.abs(shape.w) >= 1 && Math.abs(shape.h) >= 1;
      case "ellipse": return Math.abs(shape.rx) >= 0.5 && Math.abs(shape.ry) >= 0.5;
      case "polygon": return shape.points.length >= 6;
      default: return shape.points.length >= 2;
    }
  }

  function trace(shape) {
    context.beginPath();
    if (shape.type === "rectangle") {
      context.rect(shape.x, shape.y, shape.w, shape.h);
    } else if (shape.type === "ellipse") {
      context.ellipse(shape.cx, shape.cy, Math.abs(shape.rx), Math.abs(shape.ry), 0, 0, 2 * Math.PI);
    } else {
      context.moveTo(shape.points[0], shape.points[1]);
      for (let i = 2; i < shape.points.length; i += 2) {
        context.lineTo(shape.points[i], shape.points[i + 1]);
      }
      if (shape.type === "polygon" && shape !== current) {
        context.closePath();
      }
    }
  }

  function draw() {
    context.clearRect(0, 0, columns, rows);
    const line = Math.max(1, 2 / zoom);
    [...shapes, ...(current ? [current] : [])].forEach(shape => {
      trace(shape);
      if (shape.type === "stroke") {
        context.lineCap = "round";
        context.lineJoin = "round";
        context.lineWidth = 2 * shape.r;
        context.strokeStyle = "rgba(255, 212, 0, 0.45)";
        context.stroke();
        if (shape.points.length === 2) {
          context.beginPath();
          context.arc(shape.points[0], shape.points[1], shape.r, 0, 2 * Math.PI);
          context.fillStyle = "rgba(255, 212, 0, 0.45)";
          context.fill();
        }
      } else {
        if (shape.type !== "polygon" || shape !== current) {
          context.fillStyle = "rgba(255, 212, 0, 0.3)";
          context.fill();
        }
        context.lineWidth = line;
        context.strokeStyle = "#ffd400";
        context.stroke();
      }
    });
    if (shapesField) {
      shapesField.value = shapes.filter(usable).map(text).join("; ");
      saveButton.disabled = shapes.filter(usable).length === 0 || shapesField.value === parse(opened).map(text).join("; ");
      count.textContent = shapes.length === 0 ? "Nothing drawn yet." : shapes.length + (shapes.length === 1 ? " shape" : " shapes")
        + (saved ? "; version " + document.getElementById("saved-version").textContent + " stays as it is until you save" : "");
    }
  }

  function setZoom(next) {
    zoom = Math.max(0.05, Math.min(16, next));
    holder.style.width = columns * zoom + "px";
    holder.style.height = rows * zoom + "px";
    document.getElementById("zoom-level").textContent = Math.round(zoom * 100) + "%";
    holder.classList.toggle("pixels", zoom >= 2);
    draw();
  }

  function fit() {
    const below = window.innerHeight - stage.getBoundingClientRect().top - window.scrollY - 16;
    setZoom(Math.min((stage.clientWidth - 4) / columns, Math.max(240, below) / rows));
  }

  function at(event) {
    const box = canvas.getBoundingClientRect();
    return [Math.max(0, Math.min(columns, (event.clientX - box.left) / zoom)),
      Math.max(0, Math.min(rows, (event.clientY - box.top) / zoom))];
  }

  function tool() {
    const chosen = document.querySelector("input[name=tool]:checked");
    return chosen ? chosen.value : "rectangle";
  }

  function closePolygon() {
    if (current && current.type === "polygon") {
      if (current.points.length >= 6) {
        shapes.push(current);
      }
      current = null;
      draw();
    }
  }

  if (editable) {
    canvas.addEventListener("pointerdown", event => {
      if (event.button !== 0) {
        return;
      }
      const [x, y] = at(event);
      const kind = tool();
      if (kind === "polygon") {
        if (!current) {
          current = { type: "polygon", points: [x, y] };
        } else {
          const [fx, fy] = current.points;
          if (current.points.length >= 6 && Math.hypot(fx - x, fy - y) * zoom < 8) {
            closePolygon();
            return;
          }
          current.points.push(x, y);
        }
        draw();
        return;
      }
      canvas.setPointerCapture(event.pointerId);
      if (kind === "rectangle") {
        current = { type: kind, x, y, w: 0, h: 0, from: [x, y] };
      } else if (kind === "ellipse") {
        current = { type: kind, cx: x, cy: y, rx: 0, ry: 0, from: [x, y] };
      } else {
        current = { type: "stroke", r: Math.max(1, Number(document.getElementById("brush-radius").value) || 1), points: [x, y] };
      }
      draw();
    });
    canvas.addEventListener("pointermove", event => {
      if (!current || current.type === "polygon" || !canvas.hasPointerCapture(event.pointerId)) {
        return;
      }
      const [x, y] = at(event);
      if (current.type === "rectangle") {
        current.w = x - current.from[0];
        current.h = y - current.from[1];
      } else if (current.type === "ellipse") {
        current.cx = (x + current.from[0]) / 2;
        current.cy = (y + current.from[1]) / 2;
        current.rx = (x - current.from[0]) / 2;
        current.ry = (y - current.from[1]) / 2;
      } else {
        const n = current.points.length;
        if (Math.hypot(current.points[n - 2] - x, current.points[n - 1] - y) >= Math.max(1, current.r / 3)) {
          current.points.push(x, y);
        }
      }
      draw();
    });
    canvas.addEventListener("pointerup", event => {
      if (!current || current.type === "polygon") {
        return;
      }
      canvas.releasePointerCapture(event.pointerId);
      delete current.from;
      if (usable(current)) {
        shapes.push(current);
      }
      current = null;
      draw();
    });
    canvas.addEventListener("dblclick", closePolygon);
    document.getElementById("undo").addEventListener("click", () => { current = null; shapes.pop(); draw(); });
    document.getElementById("clear").addEventListener("click", () => { current = null; shapes.length = 0; draw(); });
  }

  stage.addEventListener("wheel", event => {
    event.preventDefault();
    setZoom(zoom * (event.deltaY < 0 ? 1.25 : 0.8));
  }, { passive: false });
  document.getElementById("zoom-in").addEventListener("click", () => setZoom(zoom * 1.25));
  document.getElementById("zoom-out").addEventListener("click", () => setZoom(zoom * 0.8));
  document.getElementById("zoom-fit").addEventListener("click", fit);
  document.getElementById("zoom-one").addEventListener("click", () => setZoom(1));

  const preset = document.getElementById("window-preset");
  const center = document.getElementById("window-center");
  const width = document.getElementById("window-width");
  function showPreset() {
    const option = preset.selectedOptions[0];
    if (option) {
      center.value = option.dataset.center;
      width.value = option.dataset.width;
      picture.src = stage.dataset.image + (option.dataset.custom
        ? "?center=" + encodeURIComponent(center.value) + "&width=" + encodeURIComponent(width.value)
        : "?w=" + option.value);
    }
  }
  preset.addEventListener("change", showPreset);
  document.getElementById("window-apply").addEventListener("click", () => {
    if (Number(width.value) >= 1) {
      let custom = preset.querySelector("option[data-custom]");
      if (!custom) {
        custom = new Option("custom", "custom");
        custom.dataset.custom = "true";
        preset.add(custom);
      }
      custom.dataset.center = center.value;
      custom.dataset.width = width.value;
      custom.textContent = "custom (" + center.value + "/" + width.value + ")";
      preset.value = "custom";
      showPreset();
    }
  });
  const showSaved = document.getElementById("show-saved");
  if (showSaved) {
    showSaved.addEventListener("change", () => { saved.style.visibility = showSaved.checked ? "visible" : "hidden"; });
  }

  document.addEventListener("keydown", event => {
    if (event.target instanceof Element && event.target.closest("input, select, textarea")) {
      return;
    }
    const tools = { r: "rectangle", e: "ellipse", p: "polygon", b: "stroke" };
    if (editable && (event.ctrlKey || event.metaKey) && event.key === "z") {
      event.preventDefault();
      current = null;
      shapes.pop();
      draw();
    } else if (editable && tools[event.key] && !event.ctrlKey && !event.metaKey) {
      closePolygon();
      document.querySelector("input[name=tool][value=" + tools[event.key] + "]").checked = true;
    } else if (editable && event.key === "Enter") {
      closePolygon();
    } else if (event.key === "Escape") {
      current = null;
      draw();
    } else if (event.key === "+" || event.key === "=") {
      setZoom(zoom * 1.25);
    } else if (event.key === "-") {
      setZoom(zoom * 0.8);
    } else if (event.key === "0") {
      fit();
    } else if (event.key === "1") {
      setZoom(1);
    }
  });

  showPreset();
  fit();
});
