/* Learning-resource site: small enhancements; every page works without them. */
(function () {
  "use strict";
  document.documentElement.classList.add("lr-js");

  /* The skip link lands on the page's title, not its first section heading (Material's
     default), so that the summary, dates, actions and filters are not skipped. */
  var title = document.querySelector(".md-content h1");
  if (title) {
    if (!title.id) { title.id = "lr-title"; }
    title.setAttribute("tabindex", "-1");
    var skip = document.querySelector(".md-skip");
    if (!skip) {
      skip = document.createElement("a");
      skip.className = "md-skip";
      skip.textContent = "Skip to content";
      var holder = document.querySelector("[data-md-component=skip]");
      if (holder) { holder.appendChild(skip); }
    }
    skip.setAttribute("href", "#" + title.id);
    skip.addEventListener("click", function (event) {
      event.preventDefault();
      title.focus();
      title.scrollIntoView();
    });
  }

  /* Heading permalinks stay for mouse users; keyboard users are not made to pass each one. */
  document.querySelectorAll(".headerlink").forEach(function (link) {
    link.setAttribute("tabindex", "-1");
  });

  /* The closed slide-out menu (narrow screens) takes no keyboard focus. */
  var drawer = document.getElementById("__drawer");
  var sidebar = document.querySelector(".md-sidebar--primary");
  if (drawer && sidebar) {
    var narrow = window.matchMedia("(max-width: 76.234375em)");
    var update = function () { sidebar.inert = narrow.matches && !drawer.checked; };
    drawer.addEventListener("change", update);
    narrow.addEventListener("change", update);
    update();
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-lr-action]");
    if (!button) { return; }
    var action = button.getAttribute("data-lr-action");
    if (action === "print") { window.print(); }
    if (action === "copy") {
      var done = function () {
        button.textContent = "Link copied";
        var status = document.querySelector("[data-lr-announce]");
        if (status) { status.textContent = "Link copied to the clipboard"; }
      };
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
