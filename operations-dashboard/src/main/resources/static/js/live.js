// Live updates (ADR 0004): the page listens to the dashboard's server-sent events (GET /live) and, when the read model
// changes — for a case page, when that case changes — has htmx fetch the same page again and swap its <main>.
// Without JavaScript the pages are complete and current when loaded; this only spares the reload.
(function () {
  'use strict';
  var main = document.getElementById('main');
  if (!main || !main.hasAttribute('data-live') || !window.EventSource || !window.htmx) {
    return;
  }
  var onlyCase = main.getAttribute('data-live-case');
  var note = document.getElementById('live-note');
  if (note) {
    note.hidden = false;
  }
  var pending = null;
  var source = new EventSource(main.getAttribute('data-live'));
  source.addEventListener('changed', function (event) {
    var change = {};
    try {
      change = JSON.parse(event.data);
    } catch (e) {
      change = {};
    }
    if (onlyCase && change.caseId !== onlyCase) {
      return;
    }
    if (pending) {
      return;
    }
    // several events in a row (a whole pathway) give one refresh
    pending = setTimeout(function () {
      pending = null;
      var active = document.activeElement;
      if (active && active.form && active.value) {
        return; // the coordinator is filling in a form: do not replace it under their fingers
      }
      window.htmx.ajax('GET', window.location.href, {target: '#main', select: '#main', swap: 'outerHTML'}).then(function () {
        document.dispatchEvent(new CustomEvent('passerelle:refreshed', {detail: change}));
        var refreshedNote = document.getElementById('live-note');
        if (refreshedNote) {
          refreshedNote.hidden = false;
        }
      });
    }, 400);
  });
  window.passerelleLive = source;
})();
