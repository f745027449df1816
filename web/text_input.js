// The hidden <input id="text-input"> behind ImGui text fields: focusing it brings up the phone
// keyboard; what is typed into it is handed to the app (_ev_text_insert / _ev_text_key) and the
// input itself keeps only a sentinel, so Backspace always has something to delete.
(function () {
  'use strict';
  var el = document.getElementById('text-input');
  var SENTINEL = ' ';
  var BACKSPACE = 8, ENTER = 13, DELETE = 46;
  var composing = false;
  var composed = [];  // code points of the composition already sent

  function withCString(s, fn) {
    var n = Module.lengthBytesUTF8(s) + 1, p = Module._malloc(n);
    Module.stringToUTF8(s, p, n);
    try { fn(p); } finally { Module._free(p); }
  }
  function insert(s) {
    s = (s || '').replace(/[\r\n]+/g, ' ');
    if (s) withCString(s, function (p) { Module._ev_text_insert(p); });
  }
  function key(code, ctrl) { Module._ev_text_key(code, ctrl ? 1 : 0); }
  function reset() {
    el.value = SENTINEL;
    try { el.setSelectionRange(SENTINEL.length, SENTINEL.length); } catch (e) {}
  }
  // IME composition is shown live: the field gets the difference to what was sent before.
  function compose(text) {
    var next = Array.from(text || ''), i = 0;
    while (i < composed.length && i < next.length && composed[i] === next[i]) i++;
    for (var k = i; k < composed.length; k++) key(BACKSPACE, false);
    insert(next.slice(i).join(''));
    composed = next;
  }
  // With the keyboard up, the visual viewport is clearly shorter than the layout viewport.
  function keyboardHidden() {
    var v = window.visualViewport;
    return !v || v.height > window.innerHeight * 0.85;
  }

  el.addEventListener('beforeinput', function (e) {
    if (e.isComposing || composing) return;
    switch (e.inputType) {
      case 'insertText': insert(e.data); break;
      case 'insertFromPaste': case 'insertFromDrop': case 'insertReplacementText':
        insert(e.data != null ? e.data : e.dataTransfer ? e.dataTransfer.getData('text/plain') : ''); break;
      case 'deleteContentBackward': key(BACKSPACE, false); break;
      case 'deleteWordBackward': key(BACKSPACE, true); break;
      case 'deleteContentForward': key(DELETE, false); break;
      case 'deleteWordForward': key(DELETE, true); break;
      case 'insertLineBreak': case 'insertParagraph': key(ENTER, false); break;
    }
    e.preventDefault();
  });
  el.addEventListener('compositionstart', function () { composing = true; composed = []; });
  el.addEventListener('compositionupdate', function (e) { compose(e.data); });
  el.addEventListener('compositionend', function (e) {
    compose(e.data);
    composing = false;
    composed = [];
    setTimeout(reset, 0);  // not inside the event: some IMEs still hold the old value
  });
  el.addEventListener('input', function () { if (!composing) reset(); });

  window.evText = {
    focus: function (numeric, label, x, y, w, h, force) {
      el.setAttribute('inputmode', numeric ? 'numeric' : 'text');
      el.setAttribute('aria-label', label);
      this.place(x, y, w, h);
      if (document.activeElement === el) {
        // A tap on the field after the keyboard was dismissed: only a fresh focus shows it again.
        if (force && keyboardHidden()) { el.blur(); el.focus({ preventScroll: true }); }
        return;
      }
      reset();
      el.focus({ preventScroll: true });
    },
    place: function (x, y, w, h) {
      var s = el.style;
      s.left = x + 'px'; s.top = y + 'px'; s.width = Math.max(w, 1) + 'px'; s.height = Math.max(h, 1) + 'px';
    },
    blur: function () {
      composing = false;
      composed = [];
      if (document.activeElement === el) el.blur();
    },
    isFocused: function () { return document.activeElement === el; }
  };
})();
