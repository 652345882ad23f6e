/* Learning-resource site: small enhancements; every page works without them. */
(function () {
  "use strict";
  document.documentElement.classList.add("lr-js");

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-lr-action]");
    if (!button) { return; }
    var action = button.getAttribute("data-lr-action");
    if (action === "print") { window.print(); }
    if (action === "copy") {
      var done = function () { button.textContent = "Link copied"; };
      if (navigator.clipboard) {
        navigator.clipboard.writeText(window.location.href).then(done, function () {
          window.prompt("Copy this link:", window.location.href);
        });
      } else {
        window.prompt("Copy this link:", window.location.href);
      }
    }
  });

  /* Listings: narrow by topic, review type, year and audience. */
  function filter(form) {
    var chosen = {};
    form.querySelectorAll("select").forEach(function (select) {
      chosen[select.name] = select.value;
    });
    var list = document.getElementById(form.getAttribute("data-for"));
    var items = list.querySelectorAll(".lr-item");
    var shown = 0;
    items.forEach(function (item) {
      var ok = Object.keys(chosen).every(function (name) {
        var wanted = chosen[name];
        if (!wanted) { return true; }
        return (" " + (item.getAttribute("data-" + name) || "") + " ").indexOf(" " + wanted + " ") >= 0;
      });
      item.hidden = !ok;
      if (ok) { shown += 1; }
    });
    form.querySelector("[role=status]").textContent =
      "Showing " + shown + " of " + items.length;
  }
  document.querySelectorAll(".lr-filter").forEach(function (form) {
    form.addEventListener("change", function () { filter(form); });
    form.addEventListener("submit", function (event) { event.preventDefault(); filter(form); });
  });
})();
