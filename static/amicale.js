/* Amicale: small improvements when JavaScript runs. Every page works without it. */
(function () {
  "use strict";

  /* A QR code that carries a secret puts it in the address's fragment, which browsers never
     send to the server: it fills its field, then leaves the address. A key card opens
     /membre/#cle=KEY; a member's confirmation code scanned by a volunteer opens
     /benevoles/cles/confirmer#code=CODE (the volunteer still presses the button: nothing is
     confirmed by opening a link). */
  function fromFragment(prefix, field) {
    if (field && location.hash.indexOf(prefix) === 0) {
      field.value = decodeURIComponent(location.hash.slice(prefix.length));
      history.replaceState(null, "", location.pathname + location.search);
      field.focus();
    }
  }
  function secretsFromFragment() {
    fromFragment("#cle=", document.getElementById("key"));
    fromFragment("#code=", document.querySelector("[data-fragment=code]"));
  }
  secretsFromFragment();
  window.addEventListener("hashchange", secretsFromFragment);

  /* A letter's "Print" button (without JavaScript, the browser's own Print command). */
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  /* "Copy" beside what is meant to be handed over (an invitation link). */
  document.querySelectorAll("[data-copy]").forEach(function (source) {
    if (!navigator.clipboard) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "secondary copy";
    button.textContent = source.getAttribute("data-copy");
    var done = source.getAttribute("data-copied");
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.textContent.trim()).then(function () {
        button.textContent = done;
      });
    });
    source.insertAdjacentElement("afterend", button);
  });
})();
