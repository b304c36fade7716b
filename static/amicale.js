/* Amicale: small improvements when JavaScript runs. Every page works without it. */
(function () {
  "use strict";

  /* A key card's QR code opens /membre/#cle=KEY: the key travels in the fragment, which
     browsers never send to the server; it fills the key field, then leaves the address. */
  function keyFromFragment() {
    var key = document.getElementById("key");
    if (key && location.hash.indexOf("#cle=") === 0) {
      key.value = decodeURIComponent(location.hash.slice(5));
      history.replaceState(null, "", location.pathname + location.search);
      key.focus();
    }
  }
  keyFromFragment();
  window.addEventListener("hashchange", keyFromFragment);

  /* A member's confirmation code scanned by a volunteer opens /benevoles/cles/confirmer
     #code=CODE: the same way, it fills the field and leaves the address; the volunteer
     still presses the button (nothing is confirmed by opening a link). */
  function codeFromFragment() {
    var field = document.querySelector("[data-fragment=code]");
    if (field && location.hash.indexOf("#code=") === 0) {
      field.value = decodeURIComponent(location.hash.slice(6));
      history.replaceState(null, "", location.pathname + location.search);
      field.focus();
    }
  }
  codeFromFragment();
  window.addEventListener("hashchange", codeFromFragment);

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
