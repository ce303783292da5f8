// Module resolution hook: 'electron' → fake-electron.mjs. Everything else resolves normally.
const fake = new URL('./fake-electron.mjs', import.meta.url).href;

export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: fake, shortCircuit: true };
  return next(specifier, context);
}
