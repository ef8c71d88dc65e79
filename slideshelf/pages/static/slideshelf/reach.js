// How far a reader got, for the owner's statistics: the furthest slide the viewer showed
// (viewer.js's "slidechange"), sent with a beacon when the page is left or hidden, and only
// when it is further than what was sent before: a reader who comes back to the tab and reads
// on moves the same view further, never counts a second one. No cookie, no identifier: the
// beacon says which slides, nothing else. The server counted the view at the slide it opened
// at, which is all a reader without JavaScript is counted for.
(function () {
  "use strict";
  var script = document.currentScript;
  var viewer = document.getElementById("viewer");
  if (!script || !viewer || !navigator.sendBeacon) return;
  var address = script.dataset.reach;
  var reported = parseInt(viewer.dataset.start, 10) || 1;
  var furthest = reported;

  viewer.addEventListener("slidechange", function (event) {
    var n = parseInt(event.detail && event.detail.slide, 10);
    if (n > furthest) furthest = n;
  });

  function send() {
    if (furthest <= reported) return;
    var body = new URLSearchParams({ from: String(reported), to: String(furthest) });
    if (navigator.sendBeacon(address, body)) reported = furthest;
  }

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") send();
  });
  window.addEventListener("pagehide", send);
})();
