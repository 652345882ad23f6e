/* Printing: the running footer of every printed page (print.css) says what the document is,
   the day it was printed and where its current version is, with a QR code to it.
   The values come from the page's [data-lr-print] block; no inline script is needed. */
(function () {
  "use strict";
  var source = document.querySelector("[data-lr-print]");
  if (!source) { return; }
  var root = document.documentElement.style;

  function quoted(text) {
    return "\"" + text.replace(/\\/g, "\\\\").replace(/"/g, "\\\"").replace(/\s+/g, " ") + "\"";
  }

  root.setProperty("--lr-footer-title", quoted(source.getAttribute("data-lr-title") || ""));
  root.setProperty("--lr-footer-url",
    quoted("The current version is at " + source.getAttribute("data-lr-url")));
  var qr = source.querySelector("svg");
  if (qr) {
    var svg = new XMLSerializer().serializeToString(qr);
    root.setProperty("--lr-qr", "url(\"data:image/svg+xml," + encodeURIComponent(svg) + "\")");
  }

  // "25 November 2026", as toLocaleDateString("en-GB") says it, without the first use of
  // Intl, which costs a phone a long task on every page load.
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];

  function printedToday() {
    var now = new Date();
    var day = now.getDate() + " " + MONTHS[now.getMonth()] + " " + now.getFullYear();
    root.setProperty("--lr-footer-printed", quoted("Printed on " + day + ". "));
    document.querySelectorAll("[data-lr-printed]").forEach(function (element) {
      element.textContent = day;
    });
  }
  printedToday();
  window.addEventListener("beforeprint", printedToday);
})();
