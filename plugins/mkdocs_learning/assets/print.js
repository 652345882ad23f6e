/* Printing: the running footer of every printed page (print.css) says what the document is,
   the day it was printed and where its current version is, with a QR code to it.
   The values come from the page's [data-lr-print] block; no inline script is needed.
   They are set just before printing (Print, Ctrl+P and Chromium's PDFs all fire
   `beforeprint`), not on every page load: custom properties on the root element restyle the
   whole page, a long task on a phone. */
(function () {
  "use strict";
  var source = document.querySelector("[data-lr-print]");
  if (!source) { return; }
  var root = document.documentElement.style;
  // "25 November 2026", as toLocaleDateString("en-GB") says it.
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];

  function quoted(text) {
    return "\"" + text.replace(/\\/g, "\\\\").replace(/"/g, "\\\"").replace(/\s+/g, " ") + "\"";
  }

  function prepare() {
    root.setProperty("--lr-footer-title", quoted(source.getAttribute("data-lr-title") || ""));
    root.setProperty("--lr-footer-url",
      quoted("The current version is at " + source.getAttribute("data-lr-url")));
    var qr = source.querySelector("svg");
    if (qr) {
      var svg = new XMLSerializer().serializeToString(qr);
      root.setProperty("--lr-qr", "url(\"data:image/svg+xml," + encodeURIComponent(svg) + "\")");
    }
    var now = new Date();
    var day = now.getDate() + " " + MONTHS[now.getMonth()] + " " + now.getFullYear();
    root.setProperty("--lr-footer-printed", quoted("Printed on " + day + ". "));
    document.querySelectorAll("[data-lr-printed]").forEach(function (element) {
      element.textContent = day;
    });
  }
  window.addEventListener("beforeprint", prepare);
})();
