// The esbuild options of every minified file the build writes (package bundles, the command's
// bundle, vendored dependencies). Lines are cut at about 240 characters: when an error goes uncaught,
// Node prints the source line it was thrown on, and one line of a whole minified bundle is 100 kB
// of code on the user's terminal. The cut costs a few hundred newlines per bundle.
export const MINIFY_OPTIONS = { minify: true, lineLimit: 240 };
