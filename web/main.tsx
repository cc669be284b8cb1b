/**
 * The page's entry: boots the engine worker and the workspace (web/app/boot.tsx: the link, the
 * autosave or the starter scenario) outside React, so that StrictMode's double effects cannot
 * start two workers, and renders the app.
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { boot, Providers } from "./app/boot";
import { initLanguage } from "./i18n/language";
import { LocaleRoot } from "./i18n/LanguageSwitch";
import "./styles.css";

initLanguage();
const booted = boot();

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <Providers booted={booted}>
      <LocaleRoot>
        <App />
      </LocaleRoot>
    </Providers>
  </StrictMode>,
);
