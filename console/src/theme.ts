// Light, dark, or the device's choice; the choice (not a secret) is kept in localStorage.
export type Theme = "system" | "light" | "dark";
const KEY = "meterwise.theme";

export function currentTheme(): Theme {
  const t = localStorage.getItem(KEY);
  return t === "light" || t === "dark" ? t : "system";
}
export function setTheme(theme: Theme): void {
  if (theme === "system") localStorage.removeItem(KEY); else localStorage.setItem(KEY, theme);
  applyTheme();
}
export function applyTheme(): void {
  const t = currentTheme();
  if (t === "system") delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = t;
}
