// Chromium flags and the phone profile every browser test and benchmark uses (Debian's chromium, no network).
export function chromiumArgs(extra = []) {
  return [
    '--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
    ...extra,
  ];
}

export function phoneContext(extra = {}) {
  return {
    viewport: { width: 412, height: 860 }, deviceScaleFactor: 2.625, isMobile: true, hasTouch: true,
    serviceWorkers: 'block', ...extra,
  };
}
