// Uploads each chosen or dropped file on its own, with a progress bar, then follows its
// conversion by polling the deck's status every second. Without this script the form posts
// all files at once and the server redirects to /my/.
(function () {
  "use strict";
  var form = document.getElementById("upload-form");
  if (!form || !window.XMLHttpRequest || !window.FormData) return;
  var input = form.querySelector('input[type="file"]');
  var zone = document.getElementById("drop-zone");
  var section = document.getElementById("upload-progress");
  var list = document.getElementById("upload-list");
  var text = form.dataset;
  document.documentElement.classList.add("has-js");

  ["dragenter", "dragover"].forEach(function (type) {
    zone.addEventListener(type, function (event) {
      event.preventDefault();
      zone.classList.add("dragging");
    });
  });
  ["dragleave", "drop"].forEach(function (type) {
    zone.addEventListener(type, function () { zone.classList.remove("dragging"); });
  });
  zone.addEventListener("drop", function (event) {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files.length) {
      input.files = event.dataTransfer.files;
    }
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var files = Array.prototype.slice.call(input.files || []);
    if (!files.length) {
      alertFor(text.none);
      return;
    }
    // The details are read once, so editing them during the upload changes nothing.
    var details = new FormData(form);
    details.delete(input.name);
    section.hidden = false;
    var queue = files.map(function (file) { return { file: file, row: addRow(file) }; });
    input.value = "";
    next();

    // One file at a time: parallel uploads would share the bandwidth and finish no sooner.
    function next() {
      var item = queue.shift();
      if (item) send(item.file, item.row, details, next);
    }
  });

  function alertFor(message) {
    var old = form.querySelector(".js-error");
    if (old) old.remove();
    var p = document.createElement("p");
    p.className = "errors js-error";
    p.setAttribute("role", "alert");
    p.textContent = message;
    form.insertBefore(p, form.firstChild);
  }

  function addRow(file) {
    var li = document.createElement("li");
    var name = document.createElement("strong");
    name.textContent = file.name;
    var bar = document.createElement("progress");
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute("aria-label", file.name);
    var state = document.createElement("p");
    li.append(name, bar, state);
    list.appendChild(li);
    return { bar: bar, state: state };
  }

  function send(file, row, details, done) {
    var data = new FormData();
    details.forEach(function (value, key) { data.append(key, value); });
    data.append(input.name, file, file.name);
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.setRequestHeader("X-CSRFToken", details.get("csrfmiddlewaretoken"));
    row.state.textContent = text.sending;
    xhr.upload.onprogress = function (event) {
      if (event.lengthComputable) row.bar.value = Math.round((event.loaded / event.total) * 100);
    };
    xhr.onload = function () {
      var answer = null;
      try { answer = JSON.parse(xhr.responseText); } catch (error) { answer = null; }
      if (xhr.status >= 200 && xhr.status < 300 && answer && answer.status_url) {
        row.bar.value = 100;
        poll(answer, row);
      } else {
        failed(row, (answer && answer.error) || text.unexpected);
      }
      done();
    };
    xhr.onerror = function () {
      failed(row, text.network);
      done();
    };
    xhr.send(data);
  }

  function poll(answer, row) {
    var request = new XMLHttpRequest();
    request.open("GET", answer.status_url);
    request.setRequestHeader("Accept", "application/json");
    request.onload = function () {
      var state = null;
      try { state = JSON.parse(request.responseText); } catch (error) { state = null; }
      if (request.status !== 200 || !state) {
        failed(row, text.unexpected);
        return;
      }
      // A replacement that could not be converted leaves the deck ready, with a message.
      if (state.status === "ready" && !state.error) {
        ready(row, state.page_url || answer.page_url);
        if (state.title) tellTitle(row, state.title);
        if (state.duplicate) offerNewVersion(row, state.duplicate);
        return;
      }
      if (state.status === "failed" || state.status === "ready") {
        failed(row, state.error);
        return;
      }
      var label = state.stage_label;
      if (state.stage === "images" && state.total) {
        label += " – " + text.slideOf.replace("%(done)s", state.done).replace("%(total)s", state.total);
        row.bar.max = state.total;
        row.bar.value = state.done;
      } else {
        row.bar.removeAttribute("value");
      }
      row.state.textContent = label;
      setTimeout(function () { poll(answer, row); }, 1000);
    };
    request.onerror = function () { setTimeout(function () { poll(answer, row); }, 1000); };
    request.send();
  }

  function ready(row, url) {
    row.bar.max = 1;
    row.bar.value = 1;
    var link = document.createElement("a");
    link.href = url;
    link.textContent = text.open;
    row.state.textContent = text.ready + " ";
    row.state.appendChild(link);
  }

  // A deck uploaded without a title: say which one it was given, and link to change it.
  function tellTitle(row, title) {
    var note = document.createElement("p");
    note.className = "titled";
    var change = document.createElement("a");
    change.href = title.url;
    change.textContent = title.link;
    note.append(title.message, " ", change);
    row.state.parentNode.appendChild(note);
  }

  // A new upload that repeats an earlier deck: offer to make it that deck's new file instead.
  function offerNewVersion(row, duplicate) {
    var note = document.createElement("p");
    note.className = "duplicate";
    var earlier = document.createElement("a");
    earlier.href = duplicate.url;
    earlier.textContent = duplicate.message;
    var action = document.createElement("form");
    action.method = "post";
    action.action = duplicate.action;
    var token = document.createElement("input");
    token.type = "hidden";
    token.name = "csrfmiddlewaretoken";
    token.value = form.querySelector("[name=csrfmiddlewaretoken]").value;
    var button = document.createElement("button");
    button.type = "submit";
    button.textContent = duplicate.button;
    action.append(token, button);
    note.append(earlier, " ", action);
    row.state.parentNode.appendChild(note);
  }

  function failed(row, message) {
    row.bar.max = 1;
    row.bar.value = 0;
    row.state.className = "failed";
    row.state.textContent = text.failed + " " + message;
  }
})();
