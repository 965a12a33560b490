import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { event } from "../support/events";
import { type ServeProcess, startServe } from "../support/serveProcess";

let dir: string;
const running: ServeProcess[] = [];
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "rfl-origins-"));
});
afterEach(async () => {
  for (const serve of running.splice(0)) serve.child.kill("SIGKILL");
  await rm(dir, { recursive: true, force: true });
});

// A beacon: text/plain, so a browser sends it cross-origin without asking first.
const beacon = (url: string, origin: string) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "text/plain;charset=UTF-8", origin },
    body: JSON.stringify({ events: [event({ type: "rating", value: "up", previous: null })] }),
  });

const storedLines = async () =>
  (await readFile(path.join(dir, "feedback.jsonl"), "utf8").catch(() => "")).split("\n").filter(Boolean).length;

describe("serve's origins", () => {
  it("takes pages served from this machine on any port, and refuses any other page with 403", async () => {
    const serve = await startServe([], dir);
    running.push(serve);
    for (const origin of ["http://localhost:6006", "http://127.0.0.1:5173", "http://[::1]:3000"]) {
      const response = await beacon(serve.url, origin);
      expect(response.status, origin).toBe(200);
      expect(response.headers.get("access-control-allow-origin")).toBe(origin);
    }
    expect(await storedLines()).toBe(3);
    for (const origin of ["https://evil.example", "http://localhost.evil.example", "null"]) {
      expect((await beacon(serve.url, origin)).status, origin).toBe(403);
    }
    expect(await storedLines()).toBe(3);
  });

  it("takes exactly the origins --origin names, and any with --origin '*'", async () => {
    const listed = await startServe(["--origin", "https://app.example", "--origin", "https://admin.example"], dir);
    running.push(listed);
    expect((await beacon(listed.url, "https://app.example")).status).toBe(200);
    expect((await beacon(listed.url, "https://admin.example")).status).toBe(200);
    expect((await beacon(listed.url, "http://localhost:6006")).status).toBe(403);
    listed.child.kill("SIGKILL");
    const open = await startServe(["--origin", "*"], dir);
    running.push(open);
    expect((await beacon(open.url, "https://anywhere.example")).status).toBe(200);
  });
});
