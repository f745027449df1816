// Documents for the driver: a receipt or an export to download (a Blob behind a temporary link), a receipt
// to print (rendered into a node that only print media shows, by shell.css, then window.print()), and the
// links a support contact opens (tel:, mailto:, a web page; the app checked them first).
'use strict';
window.evDocuments = (() => {
  const PRINT_ID = 'print-document';  // shown only in print by shell.css (no injected style: the page's CSP)
  return {
    // `bytes` a Uint8Array: UTF-8 text (a .txt, a .csv) or a file's bytes (a PDF).
    download(name, mime, bytes) {
      const type = /^text\//.test(mime) ? mime + ';charset=utf-8' : mime;
      const url = URL.createObjectURL(new Blob([bytes], { type }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.style.display = 'none';
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    },
    print(html) {
      let node = document.getElementById(PRINT_ID);
      if (!node) {
        node = document.createElement('div');
        node.id = PRINT_ID;
        node.setAttribute('aria-hidden', 'true');
        document.body.appendChild(node);
      }
      node.innerHTML = html;  // built by the app with every value escaped (core/pricing/receipt_document)
      window.print();
    },
    openLink(url) {
      if (!/^(tel:|mailto:|geo:|https?:\/\/)/i.test(url)) return;
      if (/^https?:/i.test(url)) {
        window.open(url, '_blank', 'noopener');
        return;
      }
      const a = document.createElement('a');  // tel:, mailto: and geo: hand over to the phone's dialer, mail or maps app
      a.href = url;
      a.style.display = 'none';
      document.body.appendChild(a);
      a.click();
      a.remove();
    },
  };
})();
