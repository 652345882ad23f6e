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

  /* Search results say what they are: a brief, a sheet, a topic or a page. */
  var results = document.querySelector(".md-search-result__list");
  if (results) {
    var kindOf = function (href) {
      var path = new URL(href, window.location.href).pathname;
      if (/\/briefs\/[^/]+\//.test(path)) { return "Learning brief"; }
      if (/\/bitesize\/[^/]+\//.test(path)) { return "Bite-size sheet"; }
      if (/\/topics\/[^/]+\//.test(path)) { return "Topic"; }
      return "Page";
    };
    new MutationObserver(function () {
      results.querySelectorAll(".md-search-result__item > .md-search-result__link").forEach(function (link) {
        var article = link.querySelector("article");
        if (!article || article.querySelector(".lr-result-kind")) { return; }
        var label = document.createElement("span");
        label.className = "lr-result-kind";
        label.textContent = kindOf(link.getAttribute("href"));
        article.insertBefore(label, article.firstChild);
      });
    }).observe(results, {childList: true, subtree: true});
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

  /* A table wider than the screen scrolls sideways in its own box (Material wraps each one):
     such a box takes keyboard focus, so that the arrow keys scroll it, and is a region named
     after its table (its caption, or the heading above it). Checked again when the width
     changes; a box that fits takes no focus. */
  var tableName = function (box) {
    var caption = box.querySelector("caption");
    if (caption) { return caption.textContent.trim(); }
    for (var e = box; e && !e.classList.contains("md-typeset"); e = e.parentElement) {
      for (var h = e.previousElementSibling; h; h = h.previousElementSibling) {
        if (/^H[1-6]$/.test(h.tagName)) {
          var heading = h.cloneNode(true);
          heading.querySelectorAll(".headerlink").forEach(function (l) { l.remove(); });
          return "Table: " + heading.textContent.trim();
        }
      }
    }
    return "Table";
  };
  var scrollingTables = function () {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth) {
        if (!box.hasAttribute("tabindex")) {
          box.setAttribute("tabindex", "0");
          box.setAttribute("role", "region");
          box.setAttribute("aria-label", tableName(box));
        }
      } else {
        ["tabindex", "role", "aria-label"].forEach(function (a) { box.removeAttribute(a); });
      }
    });
  };
  if (window.document$) {
    window.document$.subscribe(function () { window.setTimeout(scrollingTables, 0); });
  }
  window.addEventListener("load", scrollingTables);
  window.addEventListener("resize", scrollingTables);

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

  /* Listings: narrow by topic, review type, year and audience, and sort; the choices are
     kept in the address (?topics=neglect&sort=title), so that a filtered list can be shared
     and comes back with the browser's Back and Forward buttons. */
  function apply(form) {
    var chosen = {};
    form.querySelectorAll("select").forEach(function (select) {
      if (select.name !== "sort") { chosen[select.name] = select.value; }
    });
    var list = document.getElementById(form.getAttribute("data-for"));
    var items = Array.prototype.slice.call(list.querySelectorAll(".lr-item"));
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
    var byTitle = form.elements.sort && form.elements.sort.value === "title";
    var title = function (item) { return item.querySelector("h2").textContent.trim(); };
    items.sort(function (a, b) {
      return byTitle
        ? title(a).localeCompare(title(b), "en-GB", {sensitivity: "base"})
        : Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"));
    }).forEach(function (item) { list.appendChild(item); });
    form.querySelector("[role=status]").textContent =
      "Showing " + shown + " of " + items.length;
    var empty = document.querySelector("[data-lr-empty]");
    if (empty) { empty.hidden = shown > 0; }
  }
  function fromAddress(form) {
    var query = new URLSearchParams(window.location.search);
    form.querySelectorAll("select").forEach(function (select) {
      var value = query.get(select.name) || "";
      var known = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
      select.value = known ? value : "";
    });
    apply(form);
  }
  function toAddress(form) {
    var query = new URLSearchParams();
    form.querySelectorAll("select").forEach(function (select) {
      if (select.value) { query.set(select.name, select.value); }
    });
    var search = query.toString();
    history.pushState(null, "", window.location.pathname + (search ? "?" + search : ""));
  }
  document.querySelectorAll(".lr-filter").forEach(function (form) {
    var list = document.getElementById(form.getAttribute("data-for"));
    list.querySelectorAll(".lr-item").forEach(function (item, index) {
      item.setAttribute("data-order", String(index));
    });
    form.addEventListener("change", function () { apply(form); toAddress(form); });
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(form); });
    form.addEventListener("reset", function () {
      window.setTimeout(function () { apply(form); toAddress(form); }, 0);
    });
    window.addEventListener("popstate", function () { fromAddress(form); });
    fromAddress(form);
  });
})();
