// Keyboard shortcuts for the review queue: j/k move between cards, a approves, r rejects.
(function () {
  "use strict";
  var cards = Array.prototype.slice.call(document.querySelectorAll("article.card"));
  if (!cards.length) { return; }
  var current = 0;

  function mark(index) {
    current = Math.max(0, Math.min(cards.length - 1, index));
    cards.forEach(function (card, i) { card.classList.toggle("current", i === current); });
  }

  function move(step) {
    mark(current + step);
    cards[current].focus();
    cards[current].scrollIntoView({ block: "nearest" });
  }

  cards.forEach(function (card, i) {
    card.addEventListener("focusin", function () { mark(i); });
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) { return; }
    var target = event.target;
    var typing = target && (target.tagName === "TEXTAREA" || target.tagName === "SELECT" ||
      (target.tagName === "INPUT" && target.type !== "checkbox"));
    if (typing) { return; }
    var action = { a: "approve", r: "reject" }[event.key];
    if (event.key === "j") { move(1); }
    else if (event.key === "k") { move(-1); }
    else if (action) {
      var button = cards[current].querySelector('form.decide button[value="' + action + '"]');
      if (button) { button.click(); }
    } else { return; }
    event.preventDefault();
  });
})();
