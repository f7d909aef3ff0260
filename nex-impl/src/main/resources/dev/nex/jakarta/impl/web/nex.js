/*
 * Nex for Jakarta EE: the page script (docs/lifecycle.md). Served at /nex/nex.js, configured by the data
 * attributes of its own tag. The page id is read from the DOM on every request: a boosted navigation brings the
 * new page's tag, a history restore brings back the old page's tag, so requests always name the page on screen.
 */
(function () {
  'use strict';
  if (window.nex) {
    return; // a boosted swap ran the new tag: the listeners below already read it
  }

  function pageTag() {
    var tags = document.querySelectorAll('script[data-nex-page]');
    return tags.length ? tags[tags.length - 1] : null;
  }

  function sameOrigin(path) {
    try {
      return new URL(path, document.baseURI).origin === window.location.origin;
    } catch (e) {
      return false;
    }
  }

  // The page id and the CSRF token go to this application only, never to another origin.
  document.addEventListener('htmx:configRequest', function (event) {
    var tag = pageTag();
    if (!tag || !sameOrigin(event.detail.path)) {
      return;
    }
    event.detail.headers[tag.dataset.nexPageHeader] = tag.dataset.nexPage;
    event.detail.headers[tag.dataset.nexCsrfHeader] = tag.dataset.nexCsrf;
  });

  // A multipart form sends a file input left empty as an empty part, as a browser does (HTML's form data set): htmx
  // leaves it out, and Nex refuses a body without a part its action reads as a file (docs/forms.md, Uploads).
  document.addEventListener('htmx:configRequest', function (event) {
    var elt = event.detail.elt;
    var encoding = elt.closest('[hx-encoding],[data-hx-encoding]');
    var multipart = (encoding && (encoding.getAttribute('hx-encoding') || encoding.getAttribute('data-hx-encoding'))
        === 'multipart/form-data') || (elt.matches('form') && elt.getAttribute('enctype') === 'multipart/form-data');
    var form = elt.closest('form');
    if (!multipart || !form) {
      return;
    }
    form.querySelectorAll('input[type=file][name]:not([disabled])').forEach(function (input) {
      if (input.files.length === 0 && !event.detail.formData.has(input.name)) {
        event.detail.formData.append(input.name, new Blob([]), '');
      }
    });
  });

  // A form answered with its errors (422 by default, nex.swap-statuses) replaces the form like a success would:
  // htmx swaps no 4xx by itself.
  document.addEventListener('htmx:beforeSwap', function (event) {
    var tag = pageTag();
    var statuses = tag && tag.dataset.nexSwapStatuses;
    if (statuses && statuses.split(',').indexOf(String(event.detail.xhr.status)) >= 0) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // A page's event stream ends with the page (SPEC 12.1): its final event closes the browser's EventSource, which
  // would otherwise reconnect to a page that is gone.
  document.addEventListener('htmx:sseOpen', function (event) {
    var source = event.detail.source;
    if (source && !source.nexEndHeard) {
      source.nexEndHeard = true;
      source.addEventListener('nex-end', function () {
        source.close();
      });
    }
  });

  // Closing or leaving the tab ends its page at once; a page kept in the back-forward cache lives on.
  window.addEventListener('pagehide', function (event) {
    var tag = pageTag();
    if (event.persisted || !tag || !tag.dataset.nexUnload || !navigator.sendBeacon) {
      return;
    }
    navigator.sendBeacon(tag.dataset.nexUnload, new URLSearchParams({ page: tag.dataset.nexPage }));
  });

  window.nex = {
    /** The id of the page on screen. */
    pageId: function () {
      var tag = pageTag();
      return tag ? tag.dataset.nexPage : null;
    }
  };
})();
