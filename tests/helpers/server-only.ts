// Jest runs the data-access modules outside React's server environment, where the real
// "server-only" package throws on import. The Next.js build still enforces it.
export {};
