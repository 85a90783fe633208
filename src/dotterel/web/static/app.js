// dotterel: select an annotation in the article (click a highlight or a side-list entry)
// to see its codes, date and evidence. Article text is never parsed as HTML here: details
// are written with textContent only.
(function () {
  "use strict";
  var text = document.getElementById("text");
  var store = document.getElementById("notes");
  if (!text || !store) return;
  var notes = JSON.parse(store.textContent || "{}");
  var panel = document.getElementById("detail");
  var list = document.getElementById("detail-list");
  var order = ["ev", "qty", "ent", "cue", "quote"];  // most specific first
  var names = {type: "type", event: "event", mode: "mode", actor: "actor", recipient: "recipient",
               date: "date", location: "place", cameo: "CAMEO", score: "score", quad: "quad class",
               confidence: "confidence", kind: "kind", name: "name", country: "country", sector: "sector",
               speaker: "speaker", value: "value", low: "low", high: "high", qualifier: "qualifier",
               unit: "unit", what: "what", period: "period", claimant: "claimant", evidence: "evidence"};

  function idsOf(el) { return (el.getAttribute("data-ids") || "").split(" ").filter(Boolean); }

  function pick(ids) {
    for (var i = 0; i < order.length; i++) {
      for (var j = 0; j < ids.length; j++) {
        if (ids[j].indexOf(order[i] + "-") === 0) return ids[j];
      }
    }
    return ids[0];
  }

  function show(id) {
    var spans = text.querySelectorAll("span[data-ids]");
    var first = null;
    for (var i = 0; i < spans.length; i++) {
      var on = idsOf(spans[i]).indexOf(id) >= 0;
      spans[i].classList.toggle("sel", on);
      if (on && !first) first = spans[i];
    }
    var items = document.querySelectorAll("[data-note]");
    for (var k = 0; k < items.length; k++) {
      items[k].classList.toggle("sel", items[k].getAttribute("data-note") === id);
    }
    var note = notes[id];
    if (!note || !panel) return first;
    while (list.firstChild) list.removeChild(list.firstChild);
    Object.keys(names).forEach(function (key) {
      var v = note[key];
      if (v === null || v === undefined || v === "") return;
      var dt = document.createElement("dt");
      dt.textContent = names[key];
      var dd = document.createElement("dd");
      dd.textContent = String(v);
      list.appendChild(dt);
      list.appendChild(dd);
    });
    panel.hidden = false;
    return first;
  }

  text.addEventListener("click", function (e) {
    var el = e.target.closest("span[data-ids]");
    if (el) show(pick(idsOf(el)));
  });
  document.querySelectorAll("[data-note]").forEach(function (li) {
    function go() {
      var first = show(li.getAttribute("data-note"));
      if (first) first.scrollIntoView({block: "center", behavior: "smooth"});
    }
    li.addEventListener("click", go);
    li.addEventListener("keydown", function (e) { if (e.key === "Enter") go(); });
  });
  if (location.hash) {
    var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target && target.getAttribute("data-note")) {
      var first = show(target.getAttribute("data-note"));
      if (first) first.scrollIntoView({block: "center"});
    }
  }
})();
