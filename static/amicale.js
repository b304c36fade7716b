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

  /* A table of three columns or more is stacked on a phone (style.css): each cell is given
     its column's name to show before it. Without JavaScript the table scrolls sideways. */
  var colon = document.documentElement.lang === "fr" ? "\u00a0: " : ": ";
  document.querySelectorAll("table").forEach(function (table) {
    var names = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      return th.textContent.trim();
    });
    if (names.length < 3) { return; }
    table.querySelectorAll("tbody tr").forEach(function (row) {
      Array.prototype.forEach.call(row.children, function (cell, index) {
        var heading = index === 0 && cell.tagName === "TH";  /* the row's own name */
        if (names[index] && !heading && !cell.hasAttribute("colspan")) {
          cell.setAttribute("data-label", names[index] + colon);
        }
      });
    });
    table.classList.add("stacked");
  });

  /* Switching language keeps a half-filled form: what was typed or chosen is kept for the
     next page of this tab (sessionStorage, read once and removed), never a key, a password,
     a file or a token. Without JavaScript the link opens the page in the other language. */
  var KEPT = "amicale-switched-form";
  var SKIPPED = /^(password|file|hidden|submit|button|reset)$/;
  function keepable(field) {
    return field.name && !SKIPPED.test(field.type) && field.name !== "key" &&
      field.name !== "csrf_token" && !field.disabled && !field.multiple;
  }
  function changed(field) {
    if (field.type === "checkbox" || field.type === "radio") {
      return field.checked !== field.defaultChecked;
    }
    if (field.tagName === "SELECT") {
      return Array.prototype.some.call(field.options, function (option) {
        return option.selected !== option.defaultSelected;
      });
    }
    return field.value !== field.defaultValue;
  }
  document.querySelectorAll("a[hreflang]").forEach(function (link) {
    link.addEventListener("click", function () {
      var fields = [];
      document.querySelectorAll("form").forEach(function (form, number) {
        Array.prototype.forEach.call(form.elements, function (field) {
          if (keepable(field) && changed(field)) {
            fields.push([number, field.name, field.value, field.checked]);
          }
        });
      });
      if (fields.length) {
        sessionStorage.setItem(KEPT, JSON.stringify({path: location.pathname, fields: fields}));
      }
    });
  });
  var switched = sessionStorage.getItem(KEPT);
  sessionStorage.removeItem(KEPT);
  switched = switched && JSON.parse(switched);
  if (switched && switched.path === location.pathname) {
    var forms = document.querySelectorAll("form");
    switched.fields.forEach(function (saved) {
      var form = forms[saved[0]];
      Array.prototype.forEach.call(form ? form.elements : [], function (field) {
        if (field.name !== saved[1] || !keepable(field)) { return; }
        if (field.type === "checkbox" || field.type === "radio") {
          if (field.value === saved[2]) { field.checked = saved[3]; }
        } else {
          field.value = saved[2];
        }
      });
    });
  }
})();
