// The reader's share of a statement of charges, computed in the page as they type: nothing
// leaves the browser until they press the button (and the server keeps nothing either).
(function () {
  "use strict";
  document.querySelectorAll("form[data-share]").forEach(function (form) {
    var input = form.querySelector("input[name=units]");
    var result = form.querySelector("[data-share-result]");
    if (!input || !result) { return; }
    var money = new Intl.NumberFormat(document.documentElement.lang || "fr",
                                      {style: "currency", currency: "EUR"});
    var total = parseFloat(form.dataset.totalUnits);
    function euros(cents) { return money.format(Math.round(cents) / 100); }
    input.addEventListener("input", function () {
      var units = parseFloat(input.value.replace(/[\s\u00a0\u202f]/g, "").replace(",", "."));
      if (!(units > 0) || !(total > 0)) { result.textContent = ""; return; }
      var part = units / total;
      result.textContent = form.dataset.template
        .replace("{total}", euros(form.dataset.total * part))
        .replace("{disputed}", euros(form.dataset.disputed * part))
        .replace("{claim}", euros(form.dataset.excess * part));
    });
  });
})();
