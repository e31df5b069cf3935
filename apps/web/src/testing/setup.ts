import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";

// Pages are lazy chunks; the first import of one in a test run takes longer than the default 1 s.
configure({ asyncUtilTimeout: 5000 });

// Each test renders into a fresh document and starts with no remembered preferences.
afterEach(() => {
  cleanup();
  localStorage.clear();
  document.documentElement.removeAttribute("data-theme");
});
