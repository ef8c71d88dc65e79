// The slide viewer: one slide at a time, keyboard and pointer, address follows the slide.
// Without JavaScript the page shows the slide images in blocks instead (the <noscript> list).
// A big deck's page carries the images of its first slides only: the strip and the
// transcript get the others' thumbnails here, as the reader reaches them.
// Once a deck's 2× pictures are drawn, every image offers both in srcset; the browser picks.
(function () {
  "use strict";
  var viewer = document.getElementById("viewer");
  if (!viewer) return;
  var stage = viewer.querySelector(".stage");
  var image = stage.querySelector("img.current");
  var loading = stage.querySelector(".loading");
  var counter = viewer.querySelector(".counter");
  var strip = viewer.querySelector(".strip");
  var links = Array.prototype.slice.call(strip.querySelectorAll("a"));
  var total = parseInt(viewer.dataset.count, 10) || links.length;
  var batch = Math.max(links.length, 1);
  var base = viewer.dataset.base;
  var label = viewer.dataset.label;
  var version = parseInt(viewer.dataset.version, 10) || 1;
  var current = Math.min(Math.max(parseInt(viewer.dataset.start, 10) || 1, 1), total);
  var preloaded = {};
  // The first slide's widths at 1× and 2×, taken for every slide's (a page of another size
  // only makes the browser's pick a little off); absent until the 2× pictures are drawn.
  var widths = viewer.dataset.widths ? viewer.dataset.widths.split(" ") : null;
  var thumbWidths = viewer.dataset.thumbWidths ? viewer.dataset.thumbWidths.split(" ") : null;
  var transcriptThumb = document.querySelector(".transcript a.thumb img");

  // Slide links carry the numbering they were made in (?v=) once a replacement moved slides.
  function query() {
    var params = new URLSearchParams(location.search);
    if (version > 1) params.set("v", version);
    var text = params.toString();
    return text ? "?" + text : "";
  }

  function source(n) { return viewer.dataset.images + n + ".webp"; }
  function thumbnail(n) { return viewer.dataset.images + n + "-thumb.webp"; }

  // A srcset of a picture's 1× and 2× files: "" for a deck without 2× pictures.
  function candidates(start, pair) {
    return pair ? start + ".webp " + pair[0] + "w, " + start + "@2x.webp " + pair[1] + "w" : "";
  }
  function sources(n) { return candidates(viewer.dataset.images + n, widths); }
  function thumbnails(n) { return candidates(viewer.dataset.images + n + "-thumb", thumbWidths); }

  // Candidates before the address, so that the browser fetches only the one it picks.
  function point(img, sizes, srcset, src) {
    if (srcset) {
      img.sizes = sizes;
      img.srcset = srcset;
    } else {
      img.removeAttribute("srcset");
    }
    img.src = src;
  }

  // Slide n's thumbnail, the size of `model` (the first of the strip or of the transcript).
  function thumbImage(n, alt, model) {
    var img = document.createElement("img");
    img.loading = "lazy";
    img.width = model.width;
    img.height = model.height;
    img.alt = alt;
    point(img, model.sizes, thumbnails(n), thumbnail(n));
    return img;
  }

  // The strip's links up to slide `upTo`, made as needed.
  function grow(upTo) {
    upTo = Math.min(upTo, total);
    while (links.length < upTo) {
      var n = links.length + 1;
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = base + n + "/" + query();
      link.dataset.n = n;
      var model = links[0].querySelector("img");
      link.appendChild(thumbImage(n, viewer.dataset.thumbLabel.replace("{n}", n), model));
      link.addEventListener("click", opens);
      item.appendChild(link);
      strip.appendChild(item);
      links.push(link);
    }
  }

  // A transcript thumbnail left out of the page's HTML.
  function fillThumbnail(link) {
    var model = transcriptThumb || links[0].querySelector("img");
    link.appendChild(thumbImage(+link.dataset.n, "", model));
    link.removeAttribute("data-thumb");
  }

  function opens(event) {
    event.preventDefault();
    show(+event.currentTarget.dataset.n, true);
  }

  // The slide's alt text is its title, which the transcript already carries.
  function alt(n) {
    var heading = document.getElementById("slide-" + n + "-heading");
    var title = heading ? heading.textContent.replace(/^\s*\d+\s*/, "").trim() : "";
    return title || links[n - 1].querySelector("img").alt;
  }

  // The picture the browser would pick for the stage, fetched ahead.
  function preload(n) {
    if (n < 1 || n > total || preloaded[n]) return;
    preloaded[n] = new Image();
    point(preloaded[n], image.sizes, sources(n), source(n));
  }

  function loaded() { loading.hidden = true; viewer.classList.add("ready"); }

  function show(n, focusStage) {
    n = Math.min(Math.max(n, 1), total);
    grow(n + 1);
    if (n === current && image.getAttribute("src") === source(n)) return;
    current = n;
    point(image, image.sizes, sources(n), source(n));
    image.alt = alt(n);
    counter.textContent = label.replace("{n}", n).replace("{total}", total);
    links.forEach(function (link, i) {
      if (i === n - 1) link.setAttribute("aria-current", "true");
      else link.removeAttribute("aria-current");
    });
    var thumb = links[n - 1];
    if (thumb.scrollIntoView) thumb.scrollIntoView({ block: "nearest", inline: "nearest" });
    // Replace, not push: moving through slides must not fill the history.
    history.replaceState(history.state, "", base + n + "/" + query());
    preload(n + 1);
    preload(n - 1);
    if (focusStage) stage.focus();
  }

  var keys = {
    ArrowLeft: function () { show(current - 1); },
    ArrowRight: function () { show(current + 1); },
    PageUp: function () { show(current - 1); },
    PageDown: function () { show(current + 1); },
    Home: function () { show(1); },
    End: function () { show(total); }
  };

  function editing(target) {
    return /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable;
  }

  // Inside the viewer every key moves; elsewhere only the arrows, so that Home, End and
  // the page keys still scroll the transcript.
  viewer.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || !keys[event.key]) return;
    keys[event.key]();
    event.preventDefault();
    event.stopPropagation();
  });
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || editing(event.target)) return;
    if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
      keys[event.key]();
      event.preventDefault();
    }
  });

  stage.addEventListener("click", function (event) {
    var box = stage.getBoundingClientRect();
    show(event.clientX - box.left < box.width / 2 ? current - 1 : current + 1);
  });
  viewer.querySelector(".prev").addEventListener("click", function () { show(current - 1); });
  viewer.querySelector(".next").addEventListener("click", function () { show(current + 1); });

  links.forEach(function (link) { link.addEventListener("click", opens); });
  // The transcript's thumbnails open the viewer at their slide.
  document.querySelectorAll(".transcript a.thumb").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      show(+link.dataset.n, true);
      viewer.scrollIntoView({ block: "start" });
    });
  });

  var fullscreen = viewer.querySelector(".fullscreen");
  if (!viewer.requestFullscreen) fullscreen.hidden = true;
  fullscreen.addEventListener("click", function () {
    if (document.fullscreenElement) document.exitFullscreen();
    else viewer.requestFullscreen();
  });
  var pageSizes = image.sizes;
  document.addEventListener("fullscreenchange", function () {
    var full = document.fullscreenElement === viewer;
    fullscreen.setAttribute("aria-pressed", full ? "true" : "false");
    // The frame is the whole screen now: the browser picks again for that width.
    if (image.srcset) image.sizes = full ? "100vw" : pageSizes;
  });

  if (image.complete && image.naturalWidth) loaded();
  else image.addEventListener("load", loaded, { once: true });
  // The transcript's thumbnails yet to come wait in the deck's shape, the frame's. (Slides of
  // another shape need nothing: each lies whole on the frame, object-fit: contain.)
  var frame = stage.querySelector(".frame");
  var transcript = document.querySelector(".transcript");
  if (transcript) transcript.style.setProperty("--slide-ratio", frame.width + " / " + frame.height);
  preload(current + 1);
  preload(current - 1);
  if (current > links.length) {  // a slide address past the strip's first slides
    grow(current + 1);
    links[current - 1].setAttribute("aria-current", "true");
    links[current - 1].scrollIntoView({ block: "nearest", inline: "center" });
  }

  if (!("IntersectionObserver" in window)) {
    grow(total);
    document.querySelectorAll(".transcript a.thumb[data-thumb]").forEach(fillThumbnail);
    return;
  }
  // The strip grows by a batch when its end scrolls into sight.
  var stripEnd = new IntersectionObserver(function (entries) {
    if (!entries[0].isIntersecting || links.length >= total) return;
    stripEnd.unobserve(entries[0].target);
    grow(links.length + batch);
    stripEnd.observe(links[links.length - 1]);
  }, { root: strip, rootMargin: "0px 400px" });
  stripEnd.observe(links[links.length - 1]);

  // The transcript's missing thumbnails arrive a screen before the reader does.
  var missing = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (!entry.isIntersecting) return;
      fillThumbnail(entry.target.querySelector("a.thumb[data-thumb]"));
      missing.unobserve(entry.target);
    });
  }, { rootMargin: "100% 0px" });
  document.querySelectorAll(".transcript a.thumb[data-thumb]").forEach(function (link) {
    missing.observe(link.parentNode);
  });
})();
