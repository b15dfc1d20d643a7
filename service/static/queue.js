// The review queue without the mouse, and without reloading: j/k move between cards,
// a approves and r rejects the selected card, u undoes the last decision while it may be.
// The card forms are posted with fetch (their CSRF token included) and the page is
// updated in place; without this script the same forms post and redirect.
(function () {
  "use strict";
  var bar = document.getElementById("undo-bar");
  if (!bar || !window.fetch || !window.FormData) { return; }
  var message = bar.querySelector(".message");
  var undoButton = bar.querySelector("button.undo");
  var current = document.querySelector("article.card.current");
  var lastUndo = null; // {decisions: [...], removed: [{card, parent, next}], timer}

  function cards() {
    return Array.prototype.slice.call(document.querySelectorAll("article.card"));
  }

  function select(card, focus) {
    current = card || null;
    cards().forEach(function (c) { c.classList.toggle("current", c === current); });
    if (current && focus) {
      current.focus({ preventScroll: true });
      current.scrollIntoView({ block: "nearest" });
    }
  }

  function move(step) {
    var all = cards();
    if (!all.length) { return; }
    var index = all.indexOf(current);
    select(all[Math.max(0, Math.min(all.length - 1, index + step))], true);
  }

  function show(text, undoable) {
    message.textContent = text;
    undoButton.hidden = !undoable;
    bar.hidden = !text;
  }

  function count(card, change) {
    var total = document.getElementById("total");
    if (total) { total.textContent = String(Number(total.textContent) + change); }
    (card.getAttribute("data-categories") || "").split(" ").forEach(function (c) {
      var node = c && document.querySelector('[data-count="' + c + '"]');
      if (node) { node.textContent = String(Number(node.textContent) + change); }
    });
  }

  function post(url, body) {
    return fetch(url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { Accept: "application/json" }
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        if (!response.ok) {
          throw new Error(json.message || ("the server answered " + response.status));
        }
        return json;
      });
    });
  }

  function expireUndo() {
    if (lastUndo) { clearTimeout(lastUndo.timer); }
    lastUndo = null;
    undoButton.hidden = true;
  }

  function decided(body, form) {
    var removed = [];
    (body.decided || []).forEach(function (entry) {
      var card = form.closest("article.card");
      if (!card || card.getAttribute("data-comment") !== entry.id) { return; }
      var all = cards();
      var index = all.indexOf(card);
      var nextCard = all[index + 1] || all[index - 1] || null;
      removed.push({ card: card, parent: card.parentNode, next: card.nextSibling });
      card.parentNode.removeChild(card);
      count(card, -1);
      if (card === current || !current) { select(nextCard, true); }
    });
    expireUndo();
    var text = [body.message].concat(body.refused || []).filter(Boolean).join(" ");
    if (removed.length) {
      lastUndo = {
        decisions: body.decided.map(function (d) { return d.decision; }),
        removed: removed,
        timer: setTimeout(expireUndo, Math.max(1, (body.undo_seconds || 0) - 2) * 1000)
      };
    }
    show(text, removed.length > 0);
    if (!cards().length) {
      show(text + " This page is done: reload it for more.", removed.length > 0);
    }
  }

  function undo() {
    if (!lastUndo) { return; }
    var pending = lastUndo;
    expireUndo();
    var body = new FormData();
    body.append("csrf_token", document.querySelector('input[name="csrf_token"]').value);
    pending.decisions.forEach(function (d) { body.append("decision", String(d)); });
    post(bar.getAttribute("data-undo-url"), body).then(function (answer) {
      var back = answer.undone || [];
      pending.removed.forEach(function (entry) {
        if (back.indexOf(entry.card.getAttribute("data-comment")) < 0) { return; }
        var next = entry.next && entry.next.parentNode === entry.parent ? entry.next : null;
        entry.parent.insertBefore(entry.card, next);
        count(entry.card, 1);
        select(entry.card, true);
      });
      show([answer.message].concat(answer.refused || []).filter(Boolean).join(" "), false);
    }).catch(function (error) { show("Not undone: " + error.message, false); });
  }

  undoButton.addEventListener("click", undo);

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains("decide")) { return; }
    event.preventDefault();
    var body = new FormData(form);
    if (event.submitter && event.submitter.name) {
      body.append(event.submitter.name, event.submitter.value);
    }
    post(form.getAttribute("action"), body).then(function (answer) { decided(answer, form); })
      .catch(function (error) { show("Not saved: " + error.message, false); });
  });

  cards().forEach(function (card) {
    card.addEventListener("focusin", function () { select(card, false); });
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) { return; }
    var target = event.target;
    var typing = target && (target.isContentEditable || target.tagName === "TEXTAREA" ||
      target.tagName === "SELECT" || (target.tagName === "INPUT" && target.type !== "checkbox"));
    if (typing) { return; }
    var action = { a: "approve", r: "reject" }[event.key];
    if (event.key === "j") { move(1); }
    else if (event.key === "k") { move(-1); }
    else if (event.key === "u") { undo(); }
    else if (action && current) {
      var button = current.querySelector('form.decide button[value="' + action + '"]');
      if (button) { button.click(); }
    } else { return; }
    event.preventDefault();
  });
})();
