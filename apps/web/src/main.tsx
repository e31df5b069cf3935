import "./styles/tokens.css";
import "./styles/base.css";
import "./styles/components.css";
import "./styles/pages.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/provider";
import { initI18n } from "./lib/i18n";
import { initTheme } from "./lib/theme";

// Theme and language are applied before the first render, so the page never flashes the wrong one.
initTheme();

const root = document.getElementById("root");
if (root) {
  const mount = root;
  void initI18n().finally(() => {
    createRoot(mount).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
}
