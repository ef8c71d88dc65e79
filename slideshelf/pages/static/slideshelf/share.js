// The share box: copy buttons, the current slide's link, and an embed code that follows the
// size and start slide chosen. Without JavaScript the same text is there to select, and the
// form makes the page again with the code asked for.
(function () {
  "use strict";
  var box = document.querySelector(".share-box");
  if (!box) return;
  var status = box.querySelector(".copy-status");

  function say(text) {
    status.textContent = "";
    // A fresh text, so that a second copy is announced too.
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  function copied(field) {
    field.select();
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(field.value);
    }
    return document.execCommand("copy") ? Promise.resolve() : Promise.reject();
  }

  box.querySelectorAll("button.copy").forEach(function (button) {
    button.addEventListener("click", function () {
      var field = document.getElementById(button.dataset.field);
      copied(field).then(
        function () { say(box.dataset.copied); },
        function () { field.select(); say(box.dataset.copyFailed); }
      );
    });
  });

  // The current slide's link follows the viewer.
  var slideLink = document.getElementById("share-slide");
  var slideLabel = box.querySelector('label[for="share-slide"]');
  var viewer = document.getElementById("viewer");
  if (viewer) {
    viewer.addEventListener("slidechange", function (event) {
      var n = event.detail.slide;
      slideLink.value = box.dataset.base + n + "/" + box.dataset.versionQuery;
      slideLabel.textContent = slideLink.dataset.label.replace("{n}", n);
    });
  }

  // The embed code: the player at the chosen width, as high as the slide's shape and the
  // player's bar need, opening at the chosen slide.
  var form = box.querySelector(".embed-options");
  if (!form) return;
  var code = document.getElementById("embed-code");
  var width = document.getElementById("embed-width");
  var start = document.getElementById("embed-slide");
  var shape = form.dataset.shape.split(" ").map(Number);
  var bar = Number(form.dataset.bar);
  form.querySelector(".update-code").hidden = true;

  // The code is the site's own, made by the server: its three attributes are rewritten.
  function attribute(text, name, value) {
    return text.replace(new RegExp(" " + name + '="[^"]*"'), " " + name + '="' + value + '"');
  }

  function update() {
    var text = code.value.trim();
    var src = /src="([^"]*)"/.exec(text);
    if (!src) return;
    var address = new URL(src[1].replace(/&amp;/g, "&"));
    var n = Math.min(Math.max(parseInt(start.value, 10) || 1, 1), Number(start.max));
    if (n > 1) address.searchParams.set("slide", n);
    else address.searchParams.delete("slide");
    address.searchParams.delete("v");  // the number is today's
    var w = Number(width.value);
    text = attribute(text, "src", address.toString().replace(/&/g, "&amp;"));
    text = attribute(text, "width", w);
    code.value = attribute(text, "height", Math.round(w * shape[1] / shape[0]) + bar);
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
  width.addEventListener("change", update);
  start.addEventListener("input", update);
})();
