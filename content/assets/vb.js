// A link to an item inside a collapsed group (a task in a closed <details>) opens the group
// and shows the item: on arrival and on every in-page link. Browsers that open <details> on
// their own for a fragment do nothing more here. No outside requests.
(function () {
  "use strict";
  function reveal() {
    var id = window.location.hash.slice(1);
    if (!id) return;
    var target;
    try { target = document.getElementById(decodeURIComponent(id)); } catch (e) { return; }
    if (!target) return;
    var opened = false;
    for (var node = target.parentElement; node; node = node.parentElement) {
      if (node.tagName === "DETAILS" && !node.open) { node.open = true; opened = true; }
    }
    if (opened) target.scrollIntoView();
  }
  window.addEventListener("hashchange", reveal);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", reveal);
  else reveal();
})();
