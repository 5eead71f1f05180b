/** Vite bundles imported CSS files; they export nothing the code uses. */
declare module '*.css';
