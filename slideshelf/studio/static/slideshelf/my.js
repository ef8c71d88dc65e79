// "Choose all" on the owner's list: a box that ticks or clears every card's box, showing a
// dash when some are ticked. It is shown only where this script runs, as only here it works;
// without it each card's box is ticked by hand, and the bulk form works the same.
(function () {
  "use strict";
  var all = document.getElementById("pick-all");
  if (!all) return;
  var boxes = Array.prototype.slice.call(
    document.querySelectorAll('input[name="deck"][form="bulk"]')
  );
  all.closest(".pick-all").hidden = false;

  function show() {
    var ticked = boxes.filter(function (box) { return box.checked; }).length;
    all.checked = ticked === boxes.length;
    all.indeterminate = ticked > 0 && ticked < boxes.length;
  }

  all.addEventListener("change", function () {
    boxes.forEach(function (box) { box.checked = all.checked; });
  });
  boxes.forEach(function (box) { box.addEventListener("change", show); });
  show();  // a reload keeps the boxes ticked
})();
