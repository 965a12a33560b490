/**
 * How every test launches Debian's Chromium: never a browser a tool downloads, and quiet on a machine with no
 * network (without the background-networking flags it keeps trying to reach the internet).
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};
