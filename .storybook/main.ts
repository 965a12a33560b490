import type { StorybookConfig } from "@storybook/react-vite";

const config: StorybookConfig = {
  stories: ["../stories/**/*.stories.@(ts|tsx)"],
  addons: ["@storybook/addon-docs", "@storybook/addon-a11y", "@storybook/addon-vitest"],
  framework: { name: "@storybook/react-vite", options: {} },
  // No network here or on most CI machines: never phone home.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  features: {
    // The sidebar shows the stories, not Storybook's own getting-started checklist.
    sidebarOnboardingChecklist: false,
    menuOnboardingChecklist: false,
    // A built Storybook keeps React's development warnings, so the story console test and the screenshot
    // gallery see what `storybook dev` shows.
    developmentModeForBuild: true,
  },
};

export default config;
