// The slide viewer: one slide at a time, keyboard and pointer, address follows the slide.
// Without JavaScript the page shows the slide images in blocks instead (the <noscript> list).
// A big deck's page carries the images of its first slides only: the strip and the
// transcript get the others' thumbnails here, as the reader reaches them.
// Once a deck's 2× pictures are drawn, every image offers both in srcset; the browser picks.
// The embed player (data-embed) is the same viewer without strip or transcript: its address
// says the slide in ?slide=, and its links (previous, next, the deck's page) follow the slide.
// On a touch screen a sideways swipe on the slide moves too; "?" opens the page's list of
// keys (a <dialog> whose words are in the HTML, to be translated with the page's).
(function () {
  "use strict";
  var viewer = document.getElementById("viewer");
  if (!viewer) return;
  var stage = viewer.querySelector(".stage");
  var image = stage.querySelector("img.current");
  var loading = stage.querySelector(".loading");
  var counter = viewer.querySelector(".counter");
  var strip = viewer.querySelector(".strip");
  var links = strip ? Array.prototype.slice.call(strip.querySelectorAll("a")) : [];
  var embedded = viewer.hasAttribute("data-embed");
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

  // Slide n's address: the page's /n/, or the player's ?slide=n.
  function address(n) {
    if (!embedded) return base + n + "/" + query();
    var params = new URLSearchParams(location.search);
    params.set("slide", n);
    params.delete("v");
    return "?" + params.toString();
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
    if (!strip) return;
    upTo = Math.min(upTo, total);
    while (links.length < upTo) {
      var n = links.length + 1;
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = address(n);
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

  // The slide's alt text is its title, which the transcript already carries; the player
  // has a hidden list of them.
  var alts = viewer.querySelectorAll(".slide-alts li");
  function alt(n) {
    var heading = document.getElementById("slide-" + n + "-heading");
    var title = heading ? heading.textContent.replace(/^\s*\d+\s*/, "").trim() : "";
    if (title) return title;
    if (alts[n - 1]) return alts[n - 1].textContent;
    return links[n - 1] ? links[n - 1].querySelector("img").alt : "";
  }

  // The picture the browser would pick for the stage, fetched ahead.
  function preload(n) {
    if (n < 1 || n > total || preloaded[n]) return;
    preloaded[n] = new Image();
    point(preloaded[n], image.sizes, sources(n), source(n));
  }

  function loaded() {
    if (loading) loading.hidden = true;
    viewer.classList.add("ready");
  }

  // The player's links go where its slide is.
  function follow(n) {
    viewer.querySelector(".prev").href = address(Math.max(n - 1, 1));
    viewer.querySelector(".next").href = address(Math.min(n + 1, total));
    viewer.querySelector(".embed-title").href = base + (n > 1 ? n + "/" : "");
  }

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
    if (thumb && thumb.scrollIntoView) thumb.scrollIntoView({ block: "nearest", inline: "nearest" });
    // Replace, not push: moving through slides must not fill the history.
    history.replaceState(history.state, "", address(n));
    if (embedded) follow(n);
    viewer.dispatchEvent(new CustomEvent("slidechange", { detail: { slide: n } }));
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

  // The shortcuts dialog: Esc closes it by itself; focus goes back to where it was.
  var help = document.getElementById("shortcuts");
  var helpButton = viewer.querySelector(".shortcuts-button");
  var returnTo = null;
  function openHelp() {
    if (!help || help.open || !help.showModal) return;
    returnTo = document.activeElement;
    help.showModal();
  }
  if (help) {
    help.querySelector(".close").addEventListener("click", function () { help.close(); });
    help.addEventListener("close", function () {
      if (returnTo && returnTo.focus) returnTo.focus();
      returnTo = null;
    });
  }
  if (helpButton) helpButton.addEventListener("click", openHelp);

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
    if (help && help.open) return;
    if (event.key === "?" && help) {
      openHelp();
      event.preventDefault();
    } else if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
      keys[event.key]();
      event.preventDefault();
    }
  });

  stage.addEventListener("click", function (event) {
    var box = stage.getBoundingClientRect();
    show(event.clientX - box.left < box.width / 2 ? current - 1 : current + 1);
  });
  // A sideways swipe with a finger or pen. The stage's touch-action (site.css) leaves
  // vertical scrolling and pinch-zoom to the browser, which then cancels the pointer; a tap
  // is a click, above. Two fingers are a pinch, never a swipe.
  var swipe = null;
  var fingers = 0;
  var SWIPE_DISTANCE = 40;  // CSS pixels: less is a tap that wobbled
  function touching(event) { return event.pointerType === "touch" || event.pointerType === "pen"; }
  stage.addEventListener("pointerdown", function (event) {
    if (!touching(event)) return;
    fingers += 1;
    swipe = fingers === 1 ? { id: event.pointerId, x: event.clientX, y: event.clientY } : null;
  });
  stage.addEventListener("pointerup", function (event) {
    if (!touching(event)) return;
    fingers = Math.max(fingers - 1, 0);
    if (!swipe || swipe.id !== event.pointerId) return;
    var dx = event.clientX - swipe.x;
    var dy = event.clientY - swipe.y;
    swipe = null;
    if (Math.abs(dx) >= SWIPE_DISTANCE && Math.abs(dx) > 2 * Math.abs(dy)) {
      show(dx < 0 ? current + 1 : current - 1);
    }
  });
  stage.addEventListener("pointercancel", function (event) {
    if (!touching(event)) return;
    fingers = Math.max(fingers - 1, 0);
    swipe = null;
  });
  // Zoomed in, a sideways drag must pan the page, as it does elsewhere.
  if (window.visualViewport) {
    window.visualViewport.addEventListener("resize", function () {
      stage.classList.toggle("zoomed", window.visualViewport.scale > 1.01);
    });
  }

  // Links in the player, which work without JavaScript too: the viewer moves instead.
  viewer.querySelector(".prev").addEventListener("click", function (event) {
    event.preventDefault();
    show(current - 1);
  });
  viewer.querySelector(".next").addEventListener("click", function (event) {
    event.preventDefault();
    show(current + 1);
  });

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
  // Not offered where it cannot work: an old browser, a frame without allowfullscreen.
  fullscreen.hidden = !(viewer.requestFullscreen && document.fullscreenEnabled);
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
  if (transcript && frame) transcript.style.setProperty("--slide-ratio", frame.width + " / " + frame.height);
  preload(current + 1);
  preload(current - 1);
  if (strip && current > links.length) {  // a slide address past the strip's first slides
    grow(current + 1);
    links[current - 1].setAttribute("aria-current", "true");
    links[current - 1].scrollIntoView({ block: "nearest", inline: "center" });
  }

  // Paper has no "near the screen": before printing, every transcript thumbnail is put in
  // and fetched at once. Printing fires beforeprint; a switch to print media (a browser's
  // print preview, a tool's emulation) may come without it.
  function forPrint() {
    document.querySelectorAll(".transcript a.thumb[data-thumb]").forEach(fillThumbnail);
    document.querySelectorAll(".transcript a.thumb img").forEach(function (img) {
      img.loading = "eager";
    });
  }
  window.addEventListener("beforeprint", forPrint);
  if (window.matchMedia) {
    var paper = window.matchMedia("print");
    if (paper.addEventListener) {
      paper.addEventListener("change", function (event) { if (event.matches) forPrint(); });
    }
    if (paper.matches) forPrint();
  }

  if (!strip) return;
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
      var link = entry.target.querySelector("a.thumb[data-thumb]");
      if (link) fillThumbnail(link);  // none when printing put it in already
      missing.unobserve(entry.target);
    });
  }, { rootMargin: "100% 0px" });
  document.querySelectorAll(".transcript a.thumb[data-thumb]").forEach(function (link) {
    missing.observe(link.parentNode);
  });
})();
