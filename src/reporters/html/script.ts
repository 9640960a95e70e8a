/**
 * The report's only script: outcome filters and search over the checks tables. It reads nothing
 * but the DOM (no data is ever written into it), adds two listeners in all (one delegated click
 * listener for the filter buttons, one input listener for the search), and only toggles the
 * `hidden` attribute of rows and sections, so it stays fast at thousands of checks. Without
 * JavaScript the controls stay hidden (the `js` class never appears) and every row shows.
 */
export const SCRIPT = `
(function () {
  'use strict';
  var root = document.documentElement;
  root.classList.add('js');
  var search = document.getElementById('q');
  var status = document.getElementById('shown');
  var filters = document.getElementById('filters');
  if (!search || !status || !filters) return;
  var off = {};
  var sections = Array.prototype.map.call(document.querySelectorAll('section.dataset'), function (s) {
    return { el: s, caption: s.querySelector('.shown'), rows: Array.prototype.slice.call(s.querySelectorAll('tr.check')), texts: null };
  });
  var total = sections.reduce(function (n, s) { return n + s.rows.length; }, 0);
  function apply() {
    var q = search.value.trim().toLowerCase();
    var filtering = q !== '' || Object.keys(off).length > 0;
    var shown = 0;
    for (var i = 0; i < sections.length; i++) {
      var s = sections[i];
      // Row texts are read once, on the first search, not at load.
      if (q && !s.texts) s.texts = s.rows.map(function (r) { return r.textContent.toLowerCase(); });
      var visible = 0;
      for (var j = 0; j < s.rows.length; j++) {
        var r = s.rows[j];
        var show = !off[r.getAttribute('data-outcome')] && (!q || s.texts[j].indexOf(q) >= 0);
        if (r.hidden === show) r.hidden = !show;
        if (show) visible++;
      }
      shown += visible;
      s.el.hidden = filtering && visible === 0;
      if (s.caption) s.caption.textContent = filtering ? '(' + visible + ' of ' + s.rows.length + ' shown)' : '';
    }
    status.textContent = 'Showing ' + shown + ' of ' + total + ' checks';
  }
  filters.addEventListener('click', function (e) {
    var b = e.target.closest('button[data-filter]');
    if (!b) return;
    var on = b.getAttribute('aria-pressed') !== 'true';
    b.setAttribute('aria-pressed', String(on));
    if (on) delete off[b.getAttribute('data-filter')];
    else off[b.getAttribute('data-filter')] = true;
    apply();
  });
  search.addEventListener('input', apply);
  apply();
})();
`;
