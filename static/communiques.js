/* Communiqués: a live preview while writing. Without JavaScript, the Preview button does
   the same through the server. The preview is the server's sanitised rendering. */
(function () {
  "use strict";
  var form = document.querySelector("form.communique-form[data-preview-url]");
  var body = form && form.elements.body;
  var section = document.getElementById("preview");
  var target = document.getElementById("live-preview");
  if (!body || !section || !target || !window.fetch || !window.FormData) { return; }
  var timer = null;
  var sent = 0;

  function refresh() {
    var data = new FormData();
    var mine = ++sent;
    data.append("csrf_token", form.elements.csrf_token.value);
    data.append("body", body.value);
    data.append("lang", form.elements.lang ? form.elements.lang.value : "fr");
    fetch(form.getAttribute("data-preview-url"), {method: "POST", body: data,
                                                  credentials: "same-origin"})
      .then(function (response) { return response.text(); })
      .then(function (html) {
        if (mine !== sent) { return; }  /* an older answer arriving late */
        target.innerHTML = html;
        if (form.elements.lang) { target.setAttribute("lang", form.elements.lang.value); }
        section.hidden = false;
      })
      .catch(function () { /* the Preview button still works */ });
  }

  body.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, 600);
  });
})();
