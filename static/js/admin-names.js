// Gives Django's autocomplete fields (select2) the name of their form field, so that screen
// readers announce them: select2 draws its own box and search field without a label.
"use strict";
(function () {
  function fieldName(select) {
    if (select.getAttribute("aria-label")) {
      return select.getAttribute("aria-label");
    }
    var label = select.id && document.querySelector('label[for="' + select.id + '"]');
    return label ? label.textContent.replace(/:\s*$/, "").trim() : select.name;
  }

  function nameAll() {
    document.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      var container = select.nextElementSibling;
      if (!container || !container.classList.contains("select2")) {
        return;
      }
      var name = fieldName(select);
      container.querySelectorAll(
        ".select2-selection, span.select2-selection__rendered, .select2-search__field"
      ).forEach(function (element) {
        if (element.getAttribute("aria-label") !== name) {
          element.setAttribute("aria-label", name);
        }
        element.removeAttribute("aria-labelledby");
      });
      // The chosen rows of a multiple select sit in a <ul> that also holds a clear button:
      // not a list a screen reader should announce as such.
      container.querySelectorAll("ul.select2-selection__rendered").forEach(function (list) {
        list.removeAttribute("aria-label");
        if (list.getAttribute("role") !== "presentation") {
          list.setAttribute("role", "presentation");
        }
        Array.prototype.forEach.call(list.children, function (item) {
          if (item.tagName === "LI" && item.getAttribute("role") !== "presentation") {
            item.setAttribute("role", "presentation");
          }
        });
      });
    });
  }

  var pending = false;
  new MutationObserver(function () {
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        nameAll();
      });
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", nameAll);
})();
