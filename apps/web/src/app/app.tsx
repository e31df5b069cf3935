import { useEffect, useState } from "react";
import { type HealthState, readHealth } from "../lib/health";

/** The walking skeleton's page: the console's name and whether its backend answers. */
export function App() {
  const [health, setHealth] = useState<HealthState>({ state: "loading" });
  useEffect(() => {
    const controller = new AbortController();
    readHealth(fetch, controller.signal).then(setHealth, () => setHealth({ state: "down" }));
    return () => controller.abort();
  }, []);
  return (
    <main>
      <h1>PCA Console</h1>
      <p>Private CA console for Huawei Cloud Certificate Manager.</p>
      <p role="status">
        {health.state === "loading" && "Checking the backend…"}
        {health.state === "up" && `Backend ready (version ${health.version}).`}
        {health.state === "down" && "The backend does not answer."}
      </p>
    </main>
  );
}
