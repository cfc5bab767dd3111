// import.meta.glob is Vite's (Vitest runs on Vite); typed here so tsc knows it without vite/client.
interface ImportMeta {
  glob<T = unknown>(pattern: string | string[], options: { eager: true; import?: string }): Record<string, T>;
}
