import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { VendorPreview } from "./support/VendorPreview";

const meta = {
  title: "Sinks/Vendor mapping",
  component: VendorPreview,
  parameters: {
    feedback: { provider: false },
    docs: {
      description: {
        component:
          "What each vendor sink sends for an event: Langfuse scores, LangSmith feedback, a Phoenix annotation and an OpenTelemetry log record. Ids come from `feedbackKey`, so a changed vote keeps its score id.",
      },
    },
  },
} satisfies Meta<typeof VendorPreview>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A thumbs-down with a reason, then an edit: the edit becomes a Langfuse CORRECTION carrying the final text. */
export const EveryVendor: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("region", { name: "Langfuse request" })).toHaveTextContent('"dataType": "BOOLEAN"');
    await userEvent.click(canvas.getByRole("radio", { name: "Thumbs down with reasons" }));
    await expect(canvas.getByRole("region", { name: "Phoenix request" })).toHaveTextContent(
      '"explanation": "The link does not exist"',
    );
    await userEvent.click(canvas.getByRole("radio", { name: "Edit" }));
    const langfuse = canvas.getByRole("region", { name: "Langfuse request" });
    await expect(langfuse).toHaveTextContent('"dataType": "CORRECTION"');
    await expect(langfuse).toHaveTextContent('"value": "Paris is in France."');
    await expect(canvas.getByRole("region", { name: "OpenTelemetry request" })).toHaveTextContent(
      '"eventName": "gen_ai.evaluation.result"',
    );
    await expect(canvas.getByRole("region", { name: "LangSmith request" })).toHaveTextContent(
      '"correction": "Paris is in France."',
    );
  },
};
