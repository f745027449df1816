// The accessibility mirror over the canvas: one visually hidden DOM node per widget the app drew
// in its last frame, at the widget's box (CSS px), with its role and accessible name. Screen
// readers and keyboards use these nodes; clicking one activates the widget (_ev_a11y_activate).
// Nodes are keyed "role:name" ("#2", "#3"... for duplicates), or "role:id" for a widget whose words
// change while it is on screen (a live cost), and kept across frames.
(function () {
  'use strict';
  var root = document.getElementById('a11y');
  var live = document.getElementById('a11y-live');
  var byKey = new Map();  // key -> element
  var groups = [];        // role=listbox wrappers around runs of options
  var list = [];          // the last frame's nodes, for tests and tools
  var pending = [], announceTimer = 0;
  var announced = [];

  var TAG = { button: 'button', heading: 'h2', text: 'p', status: 'p', textbox: 'div', option: 'div' };
  var FLAG_DISABLED = 1, FLAG_SELECTED = 2, FLAG_FOCUSED = 4, FLAG_OFFSCREEN = 8, FLAG_NUMERIC = 16, FLAG_CLIPPED = 32;

  function create(role, key) {
    var el = document.createElement(TAG[role] || 'div');
    if (role === 'button') el.type = 'button';
    if (role === 'status') { el.setAttribute('role', 'status'); el.setAttribute('aria-live', 'off'); }  // the live region speaks
    if (role === 'textbox' || role === 'option') { el.setAttribute('role', role); el.tabIndex = 0; }
    el.setAttribute('data-role', role);
    el.setAttribute('data-key', key);
    return el;
  }

  function setAttr(el, name, value) {
    if (value === null) { if (el.hasAttribute(name)) el.removeAttribute(name); }
    else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
  }

  function group(i) {
    if (!groups[i]) { groups[i] = document.createElement('div'); groups[i].setAttribute('role', 'listbox'); }
    return groups[i];
  }

  // Put `children` into `parent` in this order. Leftovers go first, so that what stays is never
  // moved (moving a focused element would drop its focus) and new nodes are only inserted.
  function arrange(parent, children) {
    var keep = new Set(children);
    for (var c = parent.firstElementChild, next; c; c = next) {
      next = c.nextElementSibling;
      if (!keep.has(c)) parent.removeChild(c);
    }
    for (var i = 0; i < children.length; i++) {
      if (parent.children[i] !== children[i]) parent.insertBefore(children[i], parent.children[i] || null);
    }
  }

  function update(data, dpr) {
    var records = data ? data.split('\x1e') : [];
    var seen = new Set(), top = [], inGroup = [], g = -1, prevRole = '';
    list = [];
    for (var i = 0; i < records.length; i++) {
      if (!records[i]) continue;
      var f = records[i].split('\x1f');
      var role = f[0], key = f[1], name = f[2], flags = +f[7], value = f[8] || '', textPx = (+f[9] || 0) / 100;
      var n = { role: role, key: key, name: name, x: f[3] / dpr, y: f[4] / dpr, w: f[5] / dpr, h: f[6] / dpr,
                disabled: !!(flags & FLAG_DISABLED), selected: !!(flags & FLAG_SELECTED),
                focused: !!(flags & FLAG_FOCUSED), offscreen: !!(flags & FLAG_OFFSCREEN),
                numeric: !!(flags & FLAG_NUMERIC), clipped: !!(flags & FLAG_CLIPPED), value: value, textPx: textPx };
      list.push(n);
      var el = byKey.get(key);
      if (!el) { el = create(role, key); byKey.set(key, el); }
      seen.add(key);

      if (role === 'textbox') {
        setAttr(el, 'aria-label', name);
        if (el.textContent !== value) el.textContent = value;
      } else if (el.textContent !== name) {
        el.textContent = name;
      }
      if (role === 'button') { if (el.disabled !== n.disabled) el.disabled = n.disabled; }
      else setAttr(el, 'aria-disabled', n.disabled ? 'true' : null);
      if (role === 'option') setAttr(el, 'aria-selected', n.selected ? 'true' : 'false');
      setAttr(el, 'data-editing', n.focused ? '' : null);
      setAttr(el, 'data-offscreen', n.offscreen ? '' : null);
      var s = el.style, px = function (v) { return Math.round(v * 100) / 100 + 'px'; };
      s.left = px(n.x); s.top = px(n.y); s.width = px(n.w); s.height = px(n.h);

      if (role === 'option') {
        if (prevRole !== 'option') { g++; inGroup[g] = []; top.push(group(g)); }
        inGroup[g].push(el);
      } else {
        top.push(el);
      }
      prevRole = role;
    }
    for (var j = 0; j <= g; j++) arrange(groups[j], inGroup[j]);
    groups.length = g + 1;
    arrange(root, top);
    byKey.forEach(function (el, key) { if (!seen.has(key)) byKey.delete(key); });
  }

  function activate(key) {
    var n = Module.lengthBytesUTF8(key) + 1, p = Module._malloc(n);
    Module.stringToUTF8(key, p, n);
    try { Module._ev_a11y_activate(p); } finally { Module._free(p); }
  }

  function activatable(el) {
    return el && root.contains(el) && !el.disabled && el.getAttribute('aria-disabled') !== 'true';
  }

  // Real pointers never get here (pointer-events:none); clicks come from keyboards and screen readers.
  root.addEventListener('click', function (e) {
    var el = e.target.closest('[data-key]');
    if (activatable(el)) { e.preventDefault(); activate(el.getAttribute('data-key')); }
  });
  root.addEventListener('keydown', function (e) {
    var el = e.target;
    if ((e.key === 'Enter' || e.key === ' ') && el.tagName !== 'BUTTON' && activatable(el) && el.hasAttribute('data-key')) {
      e.preventDefault();
      activate(el.getAttribute('data-key'));
    }
  });

  // Several lines in one frame are read as one message; the region is emptied first so that the
  // same text twice is announced twice.
  function announce(text) {
    pending.push(text);
    announced.push(text);
    if (announced.length > 100) announced.shift();
    if (announceTimer) return;
    live.textContent = '';
    announceTimer = setTimeout(function () {
      announceTimer = 0;
      live.textContent = pending.join('. ');
      pending = [];
    }, 50);
  }

  window.evMirror = {
    update: update,
    announce: announce,
    // For tests and tools: the last frame's nodes with CSS px boxes, and lookups by role and name.
    nodes: function () { return list.slice(); },
    find: function (role, name, nth) {
      var hits = list.filter(function (n) { return n.role === role && n.name === name; });
      return hits[(nth || 1) - 1] || null;
    },
    announcements: function () { return announced.slice(); }
  };
})();
