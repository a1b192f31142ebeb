/**
 * Code the options page loads when it is first needed, not with the page: the contact list (the
 * default section) opens without parsing and running the other sections, the contact editor and
 * zod. Anything loaded this way may use zod, so zod is set up first (zod-setup.ts).
 */
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

export type LazyComponent<P = object> = LazyExoticComponent<ComponentType<P>>;

export function lazyWithZod<P = object, K extends string = string>(load: () => Promise<Record<K, unknown>>, name: K): LazyComponent<P> {
  return lazy(async () => {
    await import('./zod-setup');
    const mod = (await load()) as Record<string, unknown>;
    return { default: (mod[name] ?? mod.default) as ComponentType<P> };
  });
}
